// Copy the link, or open the device's share sheet, where the browser can.
document.querySelectorAll("[data-share]").forEach((block) => {
  const url = block.dataset.url || window.location.href;
  const title = block.dataset.title || document.title;
  const status = block.querySelector("[data-status]");

  const copy = block.querySelector("[data-copy]");
  if (copy && navigator.clipboard) {
    copy.parentElement.hidden = false;
    copy.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(url);
        status.textContent = copy.dataset.done;
      } catch {
        status.textContent = copy.dataset.failed;
      }
    });
  }

  const native = block.querySelector("[data-native]");
  if (native && navigator.share && (!navigator.canShare || navigator.canShare({ title, url }))) {
    native.parentElement.hidden = false;
    native.addEventListener("click", () => navigator.share({ title, url }).catch(() => {}));
  }
});
