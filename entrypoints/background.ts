// Background service worker: wires the toolbar click, the database and the analysis core together.
import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {});
