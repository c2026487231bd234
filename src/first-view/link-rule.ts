/**
 * Whether a link opens the first view's picture (first-view.ts). Runs in reveal.ts before anything else on the
 * page, so it stays tiny: no URL codec, no catalog. It errs towards "no": a link it cannot vouch for simply waits
 * ~0.1 s for the 2D frame, while a wrong "yes" would show a map the link does not ask for.
 */

/** Parameter name (hash ones start with `#`) → the value the picture has; null: the parameter must be absent. */
export type FirstViewPicture = Readonly<Record<string, string | null>>;

/** True when every parameter of the link that changes the picture is absent or says what the picture has. */
export function opensFirstView(search: string, hash: string, picture: FirstViewPicture): boolean {
  const parts = [
    ...new URLSearchParams(search),
    ...[...new URLSearchParams(hash.replace(/^#/, ''))].map(([name, value]) => [`#${name}`, value]),
  ];
  return parts.every(([name, value]) => !Object.hasOwn(picture, name) || picture[name] === value);
}

/** A picture as written into the page (JSON), or null where it is not one: an empty rule would let every link through. */
export function readPicture(text: string | undefined): FirstViewPicture | null {
  try {
    const picture: unknown = JSON.parse(text ?? '');
    return picture && typeof picture === 'object' && !Array.isArray(picture) && Object.keys(picture).length > 0 ? (picture as FirstViewPicture) : null;
  } catch {
    return null;
  }
}
