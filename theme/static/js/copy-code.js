// Progressive enhancement of a coupon's code: a button that copies it. Without script, the code is plain text to select.
document.querySelectorAll("[data-coupon]").forEach((block) => {
  const code = block.querySelector("[data-code]");
  const button = block.querySelector("[data-copy-code]");
  const status = block.querySelector("[data-status]");
  if (!code || !button || !navigator.clipboard) return;
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(code.textContent.trim());
      status.textContent = button.dataset.done;
    } catch {
      status.textContent = button.dataset.failed;
    }
  });
});
