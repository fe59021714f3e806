// Progressive enhancement of "Můj plán": the plan lives in its address, and this browser remembers the last plan
// it showed (localStorage, never sent anywhere), so "Můj plán" opens it again and "Přidat do plánu" adds to it.
// Without JavaScript (or storage) the links go where their href says: a plan with this situation, which the plan
// page then grows with its own form.
(() => {
  const KEY = "navigator.plan";
  const SITUATION = "situace";

  function remembered() {
    try {
      return window.localStorage.getItem(KEY) || "";
    } catch (error) {
      return "";
    }
  }

  function remember(query) {
    try {
      if (query) window.localStorage.setItem(KEY, query);
      else window.localStorage.removeItem(KEY);
    } catch (error) {
      // Storage switched off or full: the plan still lives in its address.
    }
  }

  // The remembered plan with one situation added, or replaced with its new answers: the situation's own
  // parameters (situace=<slug>, <slug>-<question>) are taken from the link, the others kept.
  function withSituation(planQuery, link) {
    const url = new URL(link.dataset.planHref, window.location.href);
    const adding = new URLSearchParams(url.search);
    const slug = adding.get(SITUATION);
    const merged = new URLSearchParams();
    for (const [name, value] of new URLSearchParams(planQuery)) {
      if ((name === SITUATION && value === slug) || name.startsWith(`${slug}-`)) continue;
      merged.append(name, value);
    }
    for (const [name, value] of adding) merged.append(name, value);
    url.search = merged.toString();
    return url.toString();
  }

  function update() {
    const planQuery = remembered();
    document.querySelectorAll("[data-plan-link]").forEach((link) => {
      const url = new URL(link.dataset.planHref, window.location.href);
      url.search = planQuery;
      link.href = url.toString();
    });
    document.querySelectorAll("[data-plan-add]").forEach((link) => {
      link.href = planQuery ? withSituation(planQuery, link) : link.dataset.planHref;
    });
  }

  const shown = document.querySelector("[data-plan-query]");
  if (shown) remember(shown.dataset.planQuery);
  document.querySelectorAll("[data-plan-link], [data-plan-add]").forEach((link) => {
    link.dataset.planHref = link.getAttribute("href");
  });
  update();
  // Another tab may have changed the plan, and a page restored from the back-forward cache runs no script again.
  window.addEventListener("storage", (event) => { if (event.key === KEY) update(); });
  window.addEventListener("pageshow", update);
})();
