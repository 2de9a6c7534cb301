// The bodies of a page's responses, read while the page is still open. Reading them after it has
// closed, as the benchmarks once did, lost some (a font, Pagefind files): the same case page
// weighed 7.6 KB in one run and 17.3 KB in the next.

/**
 * Starts recording the responses of `page` that `keep` accepts (all by default). The function it
 * returns waits until the network is quiet and gives each response with its body; responses
 * without a body (redirects) are left out.
 * @returns {() => Promise<Array<{ response: import('playwright').Response, body: Buffer }>>}
 */
export function recordResponseBodies(page, keep = () => true) {
  const reads = [];
  page.on('response', (response) => {
    if (keep(response))
      reads.push(
        response.body().then(
          (body) => ({ response, body }),
          () => undefined,
        ),
      );
  });
  return async () => {
    await page.waitForLoadState('networkidle');
    return (await Promise.all(reads)).filter(Boolean);
  };
}
