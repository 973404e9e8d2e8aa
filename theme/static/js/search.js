// The search page: asks Pagefind's index of the page's language as the reader types, and lists what it finds.
// Every string it shows comes from the page (data-* attributes), in the page's language.
document.querySelectorAll("[data-search]").forEach((search) => {
  const form = search.querySelector("[data-search-form]");
  const input = form.querySelector("input[name=q]");
  const status = search.querySelector("[data-search-status]");
  const list = search.querySelector("[data-search-results]");
  const more = search.querySelector("[data-search-more]");
  const lang = document.documentElement.lang;
  const shown = Number(search.dataset.shown) || 10;
  const plurals = new Intl.PluralRules(lang);
  const numbers = new Intl.NumberFormat(lang);
  const WAIT_MS = 250; // after the last key, so that a word is searched once, not once per letter

  // "{n} results" in each plural form of the language, by CLDR category: {one: …, few: …, many: …}
  const countForms = {};
  for (const [key, value] of Object.entries(search.dataset)) {
    if (/^count[A-Z]/.test(key)) countForms[key.slice(5).toLowerCase()] = value;
  }

  let pagefind = null; // the import of Pagefind's script, started on first need
  let latest = 0; // the newest search: an older one that answers late is dropped
  let results = [];
  let timer;

  search.querySelector("[data-search-fallback]").hidden = true;
  form.hidden = false;

  const start = async () => {
    // resolved against the page, not this script, so SITEURL may be relative or absolute
    const script = new URL(search.dataset.script, document.baseURI).href;
    const module = await import(script);
    // Pagefind finds its index beside a script named pagefind.js; the name the page links carries a hash
    await module.options({ basePath: new URL(".", script).href });
    return module;
  };

  const load = () => {
    pagefind ??= start();
    return pagefind;
  };

  const countText = (count) => {
    const message = countForms[plurals.select(count)] ?? countForms.other ?? Object.values(countForms).pop();
    return message.replace("{n}", numbers.format(count));
  };

  // Pagefind's excerpts are page text with the matches in <mark>: keep the text and the marks, nothing else.
  const excerpt = (html) => {
    const parsed = document.createElement("template"); // inert: nothing in it runs or loads
    parsed.innerHTML = html;
    const paragraph = document.createElement("p");
    paragraph.className = "card__summary";
    for (const node of parsed.content.childNodes) {
      if (node.nodeName === "MARK") {
        const mark = document.createElement("mark");
        mark.textContent = node.textContent;
        paragraph.append(mark);
      } else {
        paragraph.append(node.textContent);
      }
    }
    return paragraph;
  };

  const item = (data) => {
    const li = document.createElement("li");
    li.className = "card";
    const title = document.createElement("h2");
    title.className = "card__title";
    const link = document.createElement("a");
    link.href = data.url;
    link.textContent = data.meta.title || data.url;
    title.append(link);
    li.append(title, excerpt(data.excerpt));
    return li;
  };

  const showMore = async (ticket) => {
    const next = results.slice(list.children.length, list.children.length + shown);
    const items = (await Promise.all(next.map((result) => result.data()))).map(item);
    if (ticket !== latest) return [];
    list.append(...items);
    more.hidden = list.children.length >= results.length;
    return items;
  };

  const show = (found, message) => {
    results = found;
    list.replaceChildren();
    more.hidden = true;
    status.textContent = message;
  };

  const find = async (query, ticket) => {
    const address = new URL(window.location.href);
    if (query) address.searchParams.set("q", query);
    else address.searchParams.delete("q");
    history.replaceState(null, "", address); // the address keeps the search, to share or to come back to
    if (!query) {
      show([], "");
      return;
    }
    try {
      const found = (await (await load()).search(query)).results;
      if (ticket !== latest) return;
      show(found, found.length ? countText(found.length) : search.dataset.none.replace("{q}", query));
      await showMore(ticket);
    } catch {
      if (ticket !== latest) return;
      show([], "");
      status.append(search.querySelector("[data-search-failed]").content.cloneNode(true));
    }
  };

  const run = async (query) => {
    const ticket = ++latest;
    list.setAttribute("aria-busy", "true");
    await find(query.trim(), ticket);
    if (ticket === latest) list.setAttribute("aria-busy", "false");
  };

  input.addEventListener("focus", () => load().catch(() => {}), { once: true });
  input.addEventListener("input", () => {
    clearTimeout(timer);
    list.setAttribute("aria-busy", "true"); // until the reader stops typing and the results are in
    timer = setTimeout(() => run(input.value), WAIT_MS);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    run(input.value);
  });
  more.querySelector("button").addEventListener("click", async () => {
    const items = await showMore(latest);
    items[0]?.querySelector("a").focus(); // the keyboard goes on where the new results start
  });

  const asked = new URLSearchParams(window.location.search).get("q");
  if (asked) {
    input.value = asked;
    run(asked);
  }
});
