// Decap's Chinese (zh_Hans, decap-cms-locales 3.x) lacks some phrases, and Decap falls back to
// English for them: among them the messages of a list or multiple select with too few items
// ("法律依据 must be at least 1 item(s)."). Press staff read Chinese, so they are added here.
// The phrase file itself: the package's entry point is a browser bundle.
import zh_Hans from 'decap-cms-locales/dist/esm/zh_Hans/index.js';

export const missingChinesePhrases = {
  collection: { collectionTop: { viewAsList: '列表视图', viewAsGrid: '网格视图' } },
  editor: {
    editorControl: { field: { widgetLabel: '%{widgetLabel}字段' } },
    editorControlPane: {
      widget: {
        rangeMin: '“%{fieldLabel}”至少要有 %{minCount} 项',
        rangeMax: '“%{fieldLabel}”最多只能有 %{maxCount} 项',
      },
    },
    editorWidgets: {
      image: { chooseMultiple: '选择图片', addMore: '添加更多图片', removeAll: '删除所有图片' },
      file: { chooseMultiple: '选择文件', addMore: '添加更多文件', removeAll: '删除所有文件' },
      datetime: { setToNow: '将“%{fieldLabel}”设为现在' },
      list: { addType: '添加%{item}' },
      object: { expand: '展开', collapse: '收起' },
    },
  },
  mediaLibrary: { mediaLibraryModal: { close: '关闭' } },
};

type Phrases = { [key: string]: string | Phrases };

/** Decap's phrases with ours added where it has none (its own stay as they are). */
export function withMissingPhrases(phrases: Phrases, additions: Phrases): Phrases {
  const merged: Phrases = { ...phrases };
  for (const [key, value] of Object.entries(additions)) {
    const existing = merged[key];
    if (typeof value === 'string') merged[key] = existing ?? value;
    else merged[key] = withMissingPhrases(typeof existing === 'object' ? existing : {}, value);
  }
  return merged;
}

export const chinesePhrases = withMissingPhrases(zh_Hans as Phrases, missingChinesePhrases);
