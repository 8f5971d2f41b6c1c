import { reportFile } from '../../src/lib/dataset/layout.ts';

/** Where reports/<id>.json lies on disk: layout.ts gives the URL (percent-encoded), the file has the plain name. */
export const reportPath = (id: string) => decodeURIComponent(reportFile(id));
