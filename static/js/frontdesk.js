// Progressive enhancement for the front desk (/prepazka/): results while typing, "/" to search, arrow keys
// through the results, and focus where the clerk goes on. Without JavaScript, the form and links do it all.
(() => {
  const DELAY_MS = 180;
  const form = document.querySelector(".desk-search");
  const input = document.getElementById("desk-q");
  if (!form || !input) return;

  const NOT_TYPING = ["radio", "checkbox", "button", "submit", "reset"];
  const isTyping = (element) => element.isContentEditable || ["TEXTAREA", "SELECT"].includes(element.tagName)
    || (element.tagName === "INPUT" && !NOT_TYPING.includes(element.type));

  const resultLinks = () => Array.from(document.querySelectorAll("#desk-results .desk-list__link"));

  // The search box has the focus but nothing typed in it yet (empty, or all of it selected, as "/" leaves it):
  // a "/" pressed then is the hint's key, not a character of a query ("133/2000" still types as usual).
  const searchBoxWaiting = (element) => element === input
    && (input.value === "" || (input.selectionStart === 0 && input.selectionEnd === input.value.length));

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "/" && (!isTyping(event.target) || searchBoxWaiting(event.target))) {
      event.preventDefault();
      input.focus();
      input.select();
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const links = resultLinks();
    if (!links.length) return;
    if (event.target === input) {
      if (event.key === "ArrowDown") {
        event.preventDefault();
        links[0].focus();
      }
      return;
    }
    const index = links.indexOf(event.target);
    if (index < 0) return;
    event.preventDefault();
    if (event.key === "ArrowDown") links[Math.min(index + 1, links.length - 1)].focus();
    else if (index === 0) input.focus();
    else links[index - 1].focus();
  });

  // Results as you type, rendered by the server from the same template the page uses.
  if (document.getElementById("desk-results")) {
    let timer = null;
    let controller = null;
    let shown = input.value.trim();

    const update = async () => {
      const query = input.value.trim();
      if (query === shown) return;
      if (controller) controller.abort();
      controller = new AbortController();
      try {
        const response = await fetch(`${form.dataset.resultsUrl}?q=${encodeURIComponent(query)}`, {
          signal: controller.signal, credentials: "same-origin", headers: { Accept: "text/html" },
        });
        if (!response.ok) return; // the form still works by Enter
        const html = await response.text();
        const fresh = new DOMParser().parseFromString(html, "text/html").getElementById("desk-results");
        const current = document.getElementById("desk-results");
        if (!fresh || !current) return; // e.g. the session ended and the login page came back
        current.replaceWith(document.adoptNode(fresh));
        shown = query;
        const status = document.getElementById("desk-status");
        const found = fresh.querySelector(".desk-results__status");
        if (status && found) status.textContent = found.textContent; // read out by screen readers
        const address = query ? `?q=${encodeURIComponent(query)}` : window.location.pathname;
        window.history.replaceState(null, "", address);
      } catch (error) {
        if (error.name !== "AbortError") shown = ""; // keep the old results; try again on the next key
      }
    };

    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(update, DELAY_MS);
    });
  }

  // On a situation, start at its first question, unless the page chose a place (printing, once answered).
  const guide = document.querySelector(".desk-guide");
  if (guide && !document.querySelector("[autofocus]")) {
    const first = guide.querySelector(".guide__question");
    const target = first
      && (first.querySelector("input:checked") || first.querySelector("input:not([type=hidden])"));
    if (target) target.focus();
  }
})();
