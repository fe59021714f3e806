// Progressive enhancement: the print button exists only where JavaScript can print.
document.querySelectorAll(".js-print").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
