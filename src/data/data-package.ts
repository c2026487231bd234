/**
 * The archive of all the atlas's data (figures, sources, boundaries, datapackage.json, README), written beside the
 * data files when the app is built (geo/lib/data-package) and served by the dev server: its address relative to
 * the app's folder, for the download links.
 */
export const DATA_PACKAGE_PATH = 'data/chengyu-atlas-data.zip';
