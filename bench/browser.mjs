// The same Chromium the e2e tests drive (tests/e2e/browser.ts; the bench runs through tsx to import it).
import { launchBrowser as launchTestBrowser } from '../tests/e2e/browser.ts';

// Nothing but the bench server resolves, so no page can reach the network, without intercepting requests
// (interception would add a protocol round trip to every request and distort the timings).
const LOCAL_ONLY = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1';

export function launchBrowser() {
  return launchTestBrowser('webgl', [LOCAL_ONLY]);
}
