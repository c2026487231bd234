import { describe, expect, it } from 'vitest';
import { appBasePath, appLink, appPath } from './link-path';

describe('appBasePath: the folder the app is served from', () => {
  it.each([
    ['/', '/'],
    ['/index.html', '/'],
    ['/index.html/', '/'],
    ['//', '/'],
    ['///', '/'],
    ['//index.html', '/'],
    ['//evil.example', '/'],
    ['//evil.example/', '/evil.example/'],
    ['/\\evil.example', '/'],
    ['/\\\\evil.example/x', '/evil.example/'],
    ['/atlas/', '/atlas/'],
    ['/atlas/index.html', '/atlas/'],
    ['/atlas/index.html/', '/atlas/'],
    ['/atlas//index.html', '/atlas/'],
    ['//atlas///', '/atlas/'],
    ['/a/../..//b/', '/b/'],
    ['/%2e%2e/%2E/a/', '/a/'],
    ['/\t/evil.example/', '/evil.example/'],
    ['', '/'],
    ['no-slash', '/'],
  ])('%j -> %j', (pathname, base) => {
    expect(appBasePath(pathname)).toBe(base);
  });

  it('keeps an encoded slash as a name (it is no separator), and encodes what a path must not hold', () => {
    expect(appBasePath('/%2F%2Fevil.example/')).toBe('/%2F%2Fevil.example/');
    expect(appBasePath('/地图/')).toBe('/%E5%9C%B0%E5%9B%BE/');
  });
});

describe('appPath and appLink', () => {
  it('write the search and hash after the folder', () => {
    expect(appPath('//evil.example', '?v=1&lang=en', '#map=8/30.66/104.07')).toBe('/?v=1&lang=en#map=8/30.66/104.07');
    expect(appLink({ origin: 'https://atlas.example:8443', pathname: '//evil.example' }, '?v=1', '')).toBe('https://atlas.example:8443/?v=1');
    expect(appLink({ origin: 'http://localhost:4173', pathname: '/atlas/index.html/' }, '?v=1', '#map=1/2/3')).toBe(
      'http://localhost:4173/atlas/?v=1#map=1/2/3',
    );
  });
});
