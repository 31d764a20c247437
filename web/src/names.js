// Short names for charts: the NBS divisions (GB/T 4754-2017, 06–46) as the bureau abbreviates
// them, and Luoyang's counties, in both languages. The API gives full Chinese names; these keep
// chart axes legible and give the English view its words.
import { currentLang } from './i18n.js';

const divisions = {
  '06': ['煤炭开采', 'Coal mining'],
  '07': ['油气开采', 'Oil & gas'],
  '08': ['黑色采矿', 'Ferrous ore mining'],
  '09': ['有色采矿', 'Non-ferrous ore mining'],
  '10': ['非金属采矿', 'Non-metal mining'],
  '11': ['采矿辅助', 'Mining support'],
  '12': ['其他采矿', 'Other mining'],
  '13': ['农副食品', 'Agri-food processing'],
  '14': ['食品制造', 'Food'],
  '15': ['酒饮料茶', 'Beverages'],
  '16': ['烟草制品', 'Tobacco'],
  '17': ['纺织', 'Textiles'],
  '18': ['纺织服装', 'Apparel'],
  '19': ['皮革制鞋', 'Leather & shoes'],
  '20': ['木材加工', 'Wood'],
  '21': ['家具', 'Furniture'],
  '22': ['造纸', 'Paper'],
  '23': ['印刷', 'Printing'],
  '24': ['文教体娱', 'Culture & sports goods'],
  '25': ['石油加工', 'Petroleum refining'],
  '26': ['化学原料', 'Chemicals'],
  '27': ['医药', 'Pharmaceuticals'],
  '28': ['化学纤维', 'Chemical fibres'],
  '29': ['橡胶塑料', 'Rubber & plastics'],
  '30': ['非金属矿物', 'Non-metal minerals'],
  '31': ['黑色冶炼', 'Ferrous metals'],
  '32': ['有色冶炼', 'Non-ferrous metals'],
  '33': ['金属制品', 'Metal products'],
  '34': ['通用设备', 'General machinery'],
  '35': ['专用设备', 'Special machinery'],
  '36': ['汽车', 'Motor vehicles'],
  '37': ['铁路船舶航空', 'Rail, ships & aircraft'],
  '38': ['电气机械', 'Electrical machinery'],
  '39': ['计算机电子', 'Electronics'],
  '40': ['仪器仪表', 'Instruments'],
  '41': ['其他制造', 'Other manufacturing'],
  '42': ['废弃资源', 'Waste recycling'],
  '43': ['设备修理', 'Equipment repair'],
  '44': ['电力热力', 'Power & heat'],
  '45': ['燃气', 'Gas'],
  '46': ['水', 'Water'],
};

const regions = {
  '410300': ['洛阳市', 'Luoyang'],
  '410302': ['老城区', 'Laocheng'],
  '410303': ['西工区', 'Xigong'],
  '410304': ['瀍河区', 'Chanhe'],
  '410305': ['涧西区', 'Jianxi'],
  '410307': ['偃师区', 'Yanshi'],
  '410308': ['孟津区', 'Mengjin'],
  '410311': ['洛龙区', 'Luolong'],
  '410323': ['新安县', 'Xin\'an'],
  '410324': ['栾川县', 'Luanchuan'],
  '410325': ['嵩县', 'Song County'],
  '410326': ['汝阳县', 'Ruyang'],
  '410327': ['宜阳县', 'Yiyang'],
  '410328': ['洛宁县', 'Luoning'],
  '410329': ['伊川县', 'Yichuan'],
};

const pick = (entry, fallback) => (entry ? entry[currentLang() === 'zh' ? 0 : 1] : fallback);

/** A division's short name for charts (falls back to the API's name). */
export function divisionName(code, fullName) {
  return pick(divisions[code], fullName ?? code);
}

/** A county's name in the current language (falls back to the API's name). */
export function regionName(code, fullName) {
  return pick(regions[code], fullName ?? code);
}

/**
 * The name of a park, chain or project in the current language: the API's `name_en` in English
 * when it gives one (docs/issue18-server-needs.md), else its name as registered.
 */
export function setName(set) {
  if (currentLang() === 'en' && set?.name_en) return set.name_en;
  return set?.name ?? set?.id ?? set?.code ?? '';
}
