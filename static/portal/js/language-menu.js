// Switch language as soon as another one is chosen; the button stays for
// browsers without JavaScript.
document.addEventListener("DOMContentLoaded", () => {
  for (const form of document.querySelectorAll("form.language-menu")) {
    const select = form.querySelector("select");
    form.querySelector(".language-menu-submit").hidden = true;
    select.addEventListener("change", () => form.submit());
  }
});
