/**
 * The source line under a picture of the data (the map's PNG, a saved chart): who published the figures shown, their
 * grades, and the atlas's name.
 */
import { t, type Lang } from '../i18n/strings';
import { GRADES, type Figure, type Grade, type IndicatorModel } from '../model/dataset';

/** A publisher without its trailing "(repost at …)" / "(copy at …)": the line names who published, not where it was read. */
export function shortPublisher(name: string): string {
  return name.replace(/\s*[(（][^()（）]*[)）]\s*$/u, '');
}

export interface FigureSources {
  /** Distinct shortened publishers, most figures first. */
  publishers: string[];
  /** Grades of the figures, best first. */
  grades: Grade[];
}

/** Who published `figures` (derived figures: their inputs' sources), and their grades. */
export function sourcesOf(model: IndicatorModel, figures: Iterable<Figure | null>): FigureSources {
  const counts = new Map<string, number>();
  const grades = new Set<Grade>();
  for (const figure of figures) {
    for (const source of figure?.sources ?? []) {
      grades.add(source.grade);
      const publisher = model.source(source.id)?.publisher;
      if (publisher) counts.set(shortPublisher(publisher), (counts.get(shortPublisher(publisher)) ?? 0) + 1);
    }
  }
  const publishers = [...counts].sort(([a, m], [b, n]) => n - m || a.localeCompare(b)).map(([name]) => name);
  return { publishers, grades: GRADES.filter((g) => grades.has(g)) };
}

/**
 * "数据：A、B 等 9 家 · 可信度 A–D · 成渝经济圈数据地图", naming the first `shown` publishers (the caller lowers
 * it until the line fits). Without figures the data part is left out. A map's picture credits its boundaries on a
 * line of its own (strings.ts, map_credit).
 */
export function sourceLine(sources: FigureSources, lang: Lang, shown: number): string {
  const parts: string[] = [];
  const { publishers, grades } = sources;
  if (publishers.length > 0) {
    const rest = publishers.length - shown;
    const more = rest > 0 ? t(lang, 'image_more', { rest, total: publishers.length }) : '';
    parts.push(t(lang, 'image_data', { publishers: publishers.slice(0, shown).join(t(lang, 'list_separator')) }) + more);
  }
  if (grades.length > 0) {
    const span = grades.length === 1 ? grades[0] : `${grades[0]}–${grades[grades.length - 1]}`;
    parts.push(t(lang, grades.length === 1 ? 'image_grade_one' : 'image_grades', { span }));
  }
  parts.push(t(lang, 'subtitle'));
  return parts.join(' · ');
}
