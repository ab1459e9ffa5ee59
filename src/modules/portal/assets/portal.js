// Progressive enhancement only: every page works without this file.
// On the filing page, choosing an agency shows its OGI guide's office facts beside the form.
const select = document.getElementById('agencyCode');
if (select) {
  select.addEventListener('change', async () => {
    document.getElementById('agency-guide')?.remove();
    if (!select.value) return;
    const res = await fetch(`/agencies/${encodeURIComponent(select.value)}/guide`);
    if (!res.ok) return;
    const page = new DOMParser().parseFromString(await res.text(), 'text/html');
    const office = page.getElementById('guide-office');
    if (!office) return;
    const aside = document.createElement('aside');
    aside.className = 'guide';
    aside.id = 'agency-guide';
    aside.setAttribute('aria-live', 'polite');
    const title = page.querySelector('h1');
    const link = document.createElement('a');
    link.href = `/agencies/${encodeURIComponent(select.value)}/guide`;
    link.textContent = title ? title.textContent : select.value;
    const p = document.createElement('p');
    p.append(link);
    aside.append(p, ...office.querySelectorAll('dl'));
    select.closest('form').querySelector('.hint')?.after(aside);
  });
}
