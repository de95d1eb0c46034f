// The script a toolbar click injects into the tab (activeTab + scripting): toggles the sidebar. An unlisted script,
// not a WXT content script, because WXT's content-script wrapper announces every start with a DOM event
// ("<id>:content:wxt:content-script-started") that the page can watch and fire itself to close the sidebar.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { toggle } from './content/open';

export default defineUnlistedScript(() => toggle());
