// Progressive enhancement of "Byla tato stránka užitečná?": the reasons appear after "Ne", and the answer is
// sent without leaving the page. Without JavaScript (or when sending fails) the plain form posts as usual.
(() => {
  function showErrors(form, box, data) {
    const list = document.createElement("ul");
    const messages = [data.message, ...Object.values(data.errors || {}).flat()].filter(Boolean);
    messages.forEach((message) => {
      const item = document.createElement("li");
      item.textContent = message;
      list.append(item);
    });
    box.replaceChildren(list);
    box.hidden = false;
    if (data.token) form.querySelector("input[name=token]").value = data.token;
  }

  function setUp(form) {
    const reasons = form.querySelector("[data-feedback-reasons]");
    const errors = form.querySelector("[data-feedback-errors]");
    const button = form.querySelector("button[type=submit]");
    const syncReasons = () => {
      reasons.hidden = !form.querySelector("input[name=useful][value=no]:checked");
    };
    form.querySelectorAll("input[name=useful]").forEach((radio) => radio.addEventListener("change", syncReasons));
    syncReasons();

    form.addEventListener("submit", async (event) => {
      if (!window.fetch || !window.FormData) return;
      event.preventDefault();
      button.disabled = true;
      let response;
      let data = null;
      try {
        response = await fetch(form.action, {
          method: "POST", body: new FormData(form), credentials: "omit", headers: {Accept: "application/json"},
        });
        data = await response.json();
      } catch (error) {
        data = null;
      }
      if (!data) {
        form.submit(); // the server's own pages explain whatever went wrong
        return;
      }
      if (data.ok) {
        const thanks = document.createElement("div");
        thanks.className = "feedback__thanks";
        thanks.setAttribute("role", "status");
        thanks.tabIndex = -1;
        thanks.innerHTML = data.html; // rendered and escaped by the server's template
        form.replaceWith(thanks);
        thanks.focus();
        return;
      }
      showErrors(form, errors, data);
      button.disabled = false;
    });
  }

  document.querySelectorAll("form[data-feedback]").forEach(setUp);
})();
