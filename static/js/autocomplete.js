// Progressive enhancement: suggestions under every search box. Without JavaScript the form still submits.
(() => {
  const DELAY_MS = 150;

  function setUp(input) {
    const list = document.getElementById(input.dataset.suggestions);
    const row = input.closest(".search-form__row");
    if (!list || !row) return;
    row.classList.add("search-form__row--autocomplete");
    // The box becomes an ARIA 1.2 combobox only now that it can offer suggestions.
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");
    let timer = null;
    let active = -1;
    let controller = null;

    const close = () => {
      list.hidden = true;
      list.replaceChildren();
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    };

    const show = (suggestions) => {
      list.replaceChildren();
      suggestions.forEach((suggestion, index) => {
        const item = document.createElement("li");
        item.id = `${list.id}-${index}`;
        item.setAttribute("role", "option");
        const link = document.createElement("a");
        // Through the search's result link when the API gives one, so opening a suggestion is counted too.
        link.href = suggestion.open_url || suggestion.url;
        link.textContent = suggestion.title;
        link.tabIndex = -1;
        item.append(link);
        list.append(item);
      });
      list.hidden = suggestions.length === 0;
      input.setAttribute("aria-expanded", String(suggestions.length > 0));
    };

    const highlight = (index) => {
      const items = list.querySelectorAll("li");
      if (!items.length) return;
      active = (index + items.length) % items.length;
      items.forEach((item, i) => item.setAttribute("aria-selected", String(i === active)));
      input.setAttribute("aria-activedescendant", items[active].id);
    };

    input.addEventListener("input", () => {
      clearTimeout(timer);
      const query = input.value.trim();
      if (query.length < 2) return close();
      timer = setTimeout(async () => {
        if (controller) controller.abort();
        controller = new AbortController();
        try {
          // The page's language ranks first: <html lang> says which it is.
          const lang = encodeURIComponent(document.documentElement.lang || "");
          const url = `${input.dataset.autocompleteUrl}?q=${encodeURIComponent(query)}&lang=${lang}`;
          const response = await fetch(url, { signal: controller.signal, headers: { Accept: "application/json" } });
          if (response.ok) show((await response.json()).suggestions || []);
        } catch (error) {
          if (error.name !== "AbortError") close();
        }
      }, DELAY_MS);
    });

    input.addEventListener("keydown", (event) => {
      if (list.hidden) return;
      if (event.key === "ArrowDown") { event.preventDefault(); highlight(active + 1); }
      else if (event.key === "ArrowUp") { event.preventDefault(); highlight(active - 1); }
      else if (event.key === "Escape") { close(); }
      else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        window.location.href = list.querySelectorAll("a")[active].href;
      }
    });
    input.addEventListener("blur", () => setTimeout(close, 200));
  }

  document.querySelectorAll(".js-autocomplete").forEach(setUp);
})();
