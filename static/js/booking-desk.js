// The clerks' booking list: marks a row with one key (P, O, N, E) or one click without leaving the page.
// Without JavaScript the same buttons post the form and the page comes back at the same row.
(function () {
  const rows = () => Array.from(document.querySelectorAll("[data-booking-table] tr[data-code]"));
  const status = document.getElementById("desk-bookings-status");

  function send(form, value) {
    const data = new FormData(form);
    data.set("stav", value);
    return fetch(form.action, {method: "POST", body: data, headers: {"Accept": "application/json"},
                               credentials: "same-origin"})
      .then((response) => response.json())
      .then((answer) => {
        if (!answer.ok) { if (status) status.textContent = answer.message; return; }
        const row = form.closest("tr");
        row.className = row.className.replace(/desk-booking--\S+/, "desk-booking--" + answer.status);
        row.querySelector("[data-status-label]").textContent = answer.label;
        form.querySelectorAll("button").forEach((button) => {
          button.setAttribute("aria-pressed", String(button.value === answer.status));
          if (button.value === "expected") button.hidden = answer.status === "expected";
        });
        if (status) status.textContent = row.dataset.code + ": " + answer.label;
      })
      .catch(() => form.submit());
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-mark-form] button");
    if (!button) return;
    event.preventDefault();
    send(button.form, button.value);
  });

  document.addEventListener("keydown", (event) => {
    const row = event.target.closest && event.target.closest("tr[data-code]");
    if (!row || event.ctrlKey || event.metaKey || event.altKey) return;
    const all = rows();
    const index = all.indexOf(row);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      const next = all[index + (event.key === "ArrowDown" ? 1 : -1)];
      if (next) { next.focus(); event.preventDefault(); }
      return;
    }
    const button = row.querySelector(`[data-key="${event.key.toLowerCase()}"]`);
    if (button) { event.preventDefault(); send(button.form, button.value); }
  });
})();
