// The page that offers every language suggests the one the browser asks for, when it is another of the site's:
// a banner the visitor may follow or dismiss, never a redirect. Without this script the page stays as it is.
(function () {
  "use strict";
  var DISMISSED = "language-suggestion-dismissed";
  var banners = document.querySelectorAll("[data-language-suggestion]");
  if (!banners.length) return;

  function normalized(tag) {
    return String(tag || "").toLowerCase().replace(/_/g, "-");
  }

  try {
    if (window.localStorage.getItem(DISMISSED)) return;
  } catch (error) {
    // storage may be off: the banner then shows on every visit
  }

  var byLanguage = {};
  banners.forEach(function (banner) { byLanguage[normalized(banner.lang)] = banner; });
  var pageLanguage = normalized(document.documentElement.lang);
  var wanted = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];

  // the first of the browser's languages the site has decides; the page's own language needs no banner
  for (var i = 0; i < wanted.length; i++) {
    var tag = normalized(wanted[i]);
    var candidates = [tag, tag.split("-")[0]];
    for (var j = 0; j < candidates.length; j++) {
      if (candidates[j] === pageLanguage) return;
      var banner = byLanguage[candidates[j]];
      if (banner) {
        show(banner);
        return;
      }
    }
  }

  function show(banner) {
    banner.hidden = false;
    banner.querySelector("[data-dismiss]").addEventListener("click", function () {
      banner.hidden = true;
      try {
        window.localStorage.setItem(DISMISSED, "1");
      } catch (error) {
        // nothing to remember it in: dismissed for this page view only
      }
    });
  }
})();
