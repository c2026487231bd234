/** Every UI string in both languages. The `Record` types make a missing translation a compile error. */
import type { Lang } from '../state/view-state';

export type { Lang };

const zh = {
  title: '成渝地区双城经济圈地图',
  subtitle: '成渝经济圈数据地图',
  level: '层级',
  level_units: '区县与地市',
  level_cities: '城市',
  level_districts: '全部区县',
  language: '语言',
  zones: '功能区',
  zones_show: '显示功能区（示意）',
  close: '关闭',
  parent: '上级',
  membership: '经济圈范围',
  membership_full: '全域在经济圈内',
  membership_partial: '部分在经济圈内',
  membership_none: '不在经济圈内',
  area: '面积（按边界数据计算）',
  official_area: '官方面积',
  approximate: '示意范围，非官方边界',
  shape: '画法',
  boundary_source: '行政区划：天地图（国家地理信息公共服务平台），2024-05',
  loading: '正在加载地图…',
  load_failed: '数据加载失败',
  no_data: '无数据',
  legend_circle: '经济圈范围',
  legend_partial: '部分在经济圈内',
  legend_outside: '经济圈外',
  legend_zone: '功能区（示意）',
  sources: '数据来源',
} as const;

type Key = keyof typeof zh;

const en: Record<Key, string> = {
  title: 'Chengdu-Chongqing Economic Circle Atlas',
  subtitle: 'Chengyu Atlas',
  level: 'Level',
  level_units: 'Districts & cities',
  level_cities: 'Cities',
  level_districts: 'All counties',
  language: 'Language',
  zones: 'Zones',
  zones_show: 'Show zones (approximate)',
  close: 'Close',
  parent: 'Part of',
  membership: 'In the Economic Circle',
  membership_full: 'Wholly in the Circle',
  membership_partial: 'Partly in the Circle',
  membership_none: 'Outside the Circle',
  area: 'Area (measured on the boundary data)',
  official_area: 'Official area',
  approximate: 'Approximate shape, not an official boundary',
  shape: 'How it is drawn',
  boundary_source: 'Boundaries: Tianditu (National Platform for Common Geospatial Information Services), 2024-05',
  loading: 'Loading the map…',
  load_failed: 'Could not load the data',
  no_data: 'no data',
  legend_circle: 'Economic Circle',
  legend_partial: 'Partly in the Circle',
  legend_outside: 'Outside the Circle',
  legend_zone: 'Zones (approximate)',
  sources: 'Sources',
};

const STRINGS: Record<Lang, Record<Key, string>> = { zh, en };

export type StringKey = Key;

export function t(lang: Lang, key: Key): string {
  return STRINGS[lang][key];
}
