// The script the background registers on the sites the reader listed "to keep automatically" (and was granted):
// reads the article once the page has loaded and sends it to be kept, with no sidebar and nothing drawn. An unlisted
// script registered at run time, so the manifest itself names no site.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { keepThisPage } from './content/auto-keep';

export default defineUnlistedScript(() => keepThisPage());
