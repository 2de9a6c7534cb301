import 'i18next';
import type zh from './zh.json';

// Makes t('…') accept only keys that exist in the UI string files.
declare module 'i18next' {
  interface CustomTypeOptions {
    keySeparator: false;
    nsSeparator: false;
    returnNull: false;
    resources: { translation: typeof zh };
  }
}
