// modeltranslation opens each field's tabs on the official's language, but its
// "all fields" switch starts on the first language, and rows added to an
// inline follow that switch: a Marathi official would find new sessions and
// roles open on English. Start the switch on the page's language too.
window.addEventListener("load", () => {
  const mainSwitch = document.getElementById("modeltranslation-main-switch");
  if (!mainSwitch) return;
  const option = [...mainSwitch.options].find(
    (o) => o.text.toLowerCase() === document.documentElement.lang.toLowerCase(),
  );
  if (option) mainSwitch.value = option.value;
});
