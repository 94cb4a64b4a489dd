// The language links lead to the same place on the page in the other language. A vendor page's sections and tiers
// have the same ids in every language (#targets, #tier-gold); a reader who had followed "On this page" to one, or
// opened a link to it, and then switched language landed at the top of the other page. Without JavaScript the links
// still lead to the other page, at its top.
const links = [...document.querySelectorAll("nav.langs a[hreflang]")];

function carry() {
  for (const link of links) {
    const url = new URL(link.href);
    url.hash = location.hash;
    link.href = url.href;
  }
}

carry();
addEventListener("hashchange", carry);
// history.replaceState (the comparison's choices) fires no event: the address is read again as a link is followed.
for (const link of links) link.addEventListener("click", carry);
