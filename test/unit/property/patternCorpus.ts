/**
 * Real-world .NET patterns of the kind SAP sites put in `regex('…')` formats, each with the verdict
 * .NET gives it and values on both sides of it, for the agreement tests of the client's and the
 * emulator's pattern translation.
 *
 * Sources, written by hand from knowledge of the formats they describe (not copied):
 * - postal codes: the `zip` expressions of Google's libaddressinput address metadata
 *   (chromium-i18n address data) and the `postCodeRegex` entries Unicode CLDR published in its
 *   supplemental `postalCodeData`, in the anchored and prefixed shapes forms usually give them;
 * - phone numbers, VAT ids, IBANs, dates, emails and names: validator.js (`isPostalCode`,
 *   `isMobilePhone`, `isVAT`, `isIBAN`, `isISO8601`), the jQuery Validation plugin's
 *   `additional-methods` (`phoneUS`, `mobileUK`, `postalcodeNL`, `zipcodeUS`, `iban`) and the
 *   EU VIES / national formats they implement;
 * - .NET-only constructs: the .NET regular expression language reference (options, grouping
 *   constructs, character class subtraction, named blocks, anchors, escapes), and .NET's own parser
 *   (`RegexParser.ScanCharClass`, `ScanGroupOpen`) for where each construct has its meaning.
 *
 * Values avoid the few places where .NET and JavaScript differ on translatable syntax without either
 * side being able to tell (Unicode digits and letters under `\d` and `\w`, a final newline before `$`).
 */

/** Constructs of .NET's syntax that JavaScript lacks or spells differently. */
export const DOTNET_CONSTRUCTS = [
  'leading (?i)',
  'leading (?m)',
  'leading (?s)',
  'leading (?n)',
  'option x',
  'scoped options (?i:…)',
  'options mid-pattern',
  'atomic group',
  'conditional',
  'balancing group',
  'class subtraction',
  'Unicode block \\p{Is…}',
  'Unicode category \\p{…}',
  '\\A',
  '\\z',
  '\\Z',
  '\\G',
  'named group (?<n>…)',
  "named group (?'n'…)",
  "backreference \\k'n'",
  'backreference \\k<n>',
  '\\a',
  '\\e',
  'escaped punctuation',
  '] first in a class',
  'comment (?#…)',
  'literal brace or bracket',
] as const

export type DotnetConstruct = (typeof DOTNET_CONSTRUCTS)[number]

/** The constructs JavaScript cannot express, which both sides must refuse, and only where they mean something. */
export const REFUSED_CONSTRUCTS: readonly DotnetConstruct[] = [
  'option x',
  'scoped options (?i:…)',
  'options mid-pattern',
  'atomic group',
  'conditional',
  'balancing group',
  'class subtraction',
  'Unicode block \\p{Is…}',
  '\\G',
  'comment (?#…)',
]

export type Category =
  | 'postalCode'
  | 'phone'
  | 'name'
  | 'memberId'
  | 'orderId'
  | 'vatId'
  | 'iban'
  | 'date'
  | 'email'
  | 'password'
  | 'other'
  | 'dotnet'

interface Tags {
  category: Category
  /** ISO 3166-1 alpha-2, for postal codes. */
  country?: string
  /** The .NET-only constructs the pattern uses. */
  constructs?: readonly DotnetConstruct[]
  /** A refused construct whose text the pattern holds where .NET gives it no meaning (in a class, escaped). */
  lookalikeOf?: DotnetConstruct
}

export type CorpusEntry = Tags & { pattern: string } & (
    { translatable: true; passes: readonly string[]; fails: readonly string[] } | { translatable: false }
  )

const r = String.raw

const ok = (
  category: Category,
  pattern: string,
  passes: readonly string[],
  fails: readonly string[],
  tags: Omit<Tags, 'category'> = {},
): CorpusEntry => ({ category, ...tags, pattern, translatable: true, passes, fails })

const refused = (category: Category, pattern: string, tags: Omit<Tags, 'category'> = {}): CorpusEntry => ({
  category,
  ...tags,
  pattern,
  translatable: false,
})

const postal = (
  country: string,
  pattern: string,
  passes: readonly string[],
  fails: readonly string[],
  tags: Omit<Tags, 'category' | 'country'> = {},
) => ok('postalCode', pattern, passes, fails, { country, ...tags })

const POSTAL_CODES: readonly CorpusEntry[] = [
  postal('US', r`^\d{5}(?:[ -]\d{4})?$`, ['12345', '12345-6789', '12345 6789'], ['1234', '12345-678', 'ABCDE']),
  postal('US', r`^(?<zip>\d{5})(?:-(?<plus4>\d{4}))?$`, ['90210', '90210-1234'], ['9021', '90210-12'], {
    constructs: ['named group (?<n>…)'],
  }),
  postal(
    'CA',
    r`^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$`,
    ['K1A 0B1', 'M5V3L9'],
    ['D1A 0B1', 'K1A 0B', 'k1a 0b1'],
  ),
  postal('CA', r`(?i)^[a-z]\d[a-z][ -]?\d[a-z]\d$`, ['k1a 0b1', 'M5V-3L9'], ['K1A0B', '123 456'], {
    constructs: ['leading (?i)'],
  }),
  refused('postalCode', r`^[A-Z-[DFIOQUWZ]]\d[A-Z-[DFIOQU]] ?\d[A-Z-[DFIOQU]]\d$`, {
    country: 'CA',
    constructs: ['class subtraction'],
  }),
  postal('GB', r`^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$`, ['SW1A 1AA', 'M1 1AE', 'B338TH'], ['SW1A 1A', '1AA SW1']),
  postal(
    'GB',
    r`(?i)^(GIR ?0AA|[A-PR-UWYZ]([0-9]{1,2}|([A-HK-Y][0-9]([0-9ABEHMNPRV-Y])?)|[0-9][A-HJKPS-UW]) ?[0-9][ABD-HJLNP-UW-Z]{2})$`,
    ['gir 0aa', 'EC1A 1BB', 'W1A 0AX'],
    ['QA1 1AA', 'EC1A 1CB'],
    { constructs: ['leading (?i)'] },
  ),
  postal('DE', r`^[0-9]{5}$`, ['10115', '01067'], ['1011', '101155', '1011A']),
  postal('DE', r`\A\d{5}\z`, ['10115', '80331'], ['8033', '80331a'], { constructs: ['\\A', '\\z'] }),
  postal('FR', r`^(?:0[1-9]|[1-8]\d|9[0-8])\d{3}$`, ['75008', '01000', '98000'], ['00100', '99000', '7500']),
  postal('NL', r`^[1-9][0-9]{3} ?(?!SA|SD|SS)[A-Z]{2}$`, ['1012 AB', '3511AX'], ['0123 AB', '1012 SS', '1012 ab']),
  postal('BE', r`^[1-9]\d{3}$`, ['1000', '9999'], ['0999', '10000']),
  postal('AT', r`^(?:AT-|A-)?[1-9]\d{3}$`, ['A-1010', '1010', 'AT-6020'], ['A1010', '0101']),
  postal('CH', r`^(?:CH-)?[1-9]\d{3}$`, ['CH-8001', '3000'], ['CH8001', '0800']),
  postal('IT', r`^\d{5}$`, ['00118', '20121'], ['2012', '20121-1']),
  postal('ES', r`^(?:0[1-9]|[1-4]\d|5[0-2])\d{3}$`, ['28013', '08001', '52001'], ['53001', '00100', '2801']),
  postal('PT', r`^\d{4}-\d{3}$`, ['1000-001', '4000-123'], ['1000001', '1000-01']),
  postal('PT', r`^[0-9]{4}-[0-9]{3}$`, ['1100-148', '9000-018'], ['1100 148', '110-148'], {
    lookalikeOf: 'class subtraction',
  }),
  postal('PL', r`^[0-9]{2}-[0-9]{3}$`, ['00-950', '31-564'], ['00950', '00-95'], { lookalikeOf: 'class subtraction' }),
  postal('PL', r`^\d{2}\-\d{3}$`, ['00-950', '31-564'], ['00950', '00_950'], { constructs: ['escaped punctuation'] }),
  postal('SE', r`^\d{3} ?\d{2}$`, ['114 55', '11455'], ['1145', '114-55']),
  postal('NO', r`^\d{4}$`, ['0150', '9170'], ['015', '01500']),
  postal('DK', r`^(?:DK-?)?\d{4}$`, ['DK-1050', '1050', 'DK1050'], ['DK 1050', '105']),
  postal('FI', r`^(?:FI-)?\d{5}$`, ['00100', 'FI-00100'], ['FI00100', '0010']),
  postal('IS', r`^\d{3}$`, ['101', '900'], ['10', '1010']),
  postal(
    'IE',
    r`^(?:[AC-FHKNPRTV-Y]\d{2}|D6W) ?[0-9AC-FHKNPRTV-Y]{4}$`,
    ['D02 X285', 'A65F4E2', 'D6W 1234'],
    ['B02 X285', 'D02 X28'],
  ),
  postal('LU', r`^(?:L-)?\d{4}$`, ['L-1234', '2540'], ['L1234', '123']),
  postal('CZ', r`^[1-7]\d{2} ?\d{2}$`, ['110 00', '79900'], ['810 00', '110 0']),
  postal('SK', r`^[089]\d{2} ?\d{2}$`, ['811 01', '04001'], ['111 01', '811 0']),
  postal('HU', r`^[1-9]\d{3}$`, ['1051', '9700'], ['0105', '10510']),
  postal('SI', r`^(?:SI-)?[1-9]\d{3}$`, ['SI-1000', '2000'], ['SI1000', '0999']),
  postal('HR', r`^(?:HR-)?[1-5]\d{4}$`, ['10000', 'HR-21000'], ['60000', '1000']),
  postal('RO', r`^\d{6}$`, ['010011', '700259'], ['01001', '0100111']),
  postal('BG', r`^\d{4}$`, ['1000', '9000'], ['100', '10000']),
  postal('GR', r`^[1-8]\d{2} ?\d{2}$`, ['105 57', '10557'], ['1055', '905 57']),
  postal('LT', r`^(?:LT-)?\d{5}$`, ['LT-01100', '01100'], ['LT01100', '0110']),
  postal('LV', r`^LV-\d{4}$`, ['LV-1050', 'LV-3601'], ['1050', 'LV 1050']),
  postal('EE', r`\A\d{5}\Z`, ['10111', '80010'], ['1011', '101111'], { constructs: ['\\A', '\\Z'] }),
  postal('CY', r`^[1-9]\d{3}$`, ['1010', '8020'], ['101', '1010A']),
  postal('MT', r`^[A-Z]{3} ?\d{2,4}$`, ['VLT 1117', 'MSK 1234', 'BKR12'], ['VL 1117', 'VLT 11117']),
  postal('MC', r`^980\d{2}$`, ['98000', '98099'], ['97000', '9800']),
  postal('AD', r`^AD[1-7]0\d$`, ['AD100', 'AD700'], ['AD800', 'AD10']),
  postal('SM', r`^4789\d$`, ['47890', '47899'], ['4789', '47880']),
  postal('VA', r`^00120$`, ['00120'], ['00121', '0012']),
  postal('LI', r`^(?:948[5-9]|949[0-8])$`, ['9485', '9490', '9498'], ['9484', '9499']),
  postal('RU', r`^\d{6}$`, ['101000', '690091'], ['10100', '1010000']),
  postal('UA', r`^\d{5}$`, ['01001', '79000'], ['0100', '010011']),
  postal('BY', r`^2[1-4]\d{4}$`, ['220030', '246000'], ['120030', '25000']),
  postal('TR', r`^(?:0[1-9]|[1-7]\d|8[01])\d{3}$`, ['34000', '06100', '81000'], ['82000', '00100']),
  postal('IL', r`^\d{5}(?:\d{2})?$`, ['9614303', '61000'], ['610000', '6100']),
  postal('JP', r`^\d{3}-?\d{4}$`, ['100-0001', '1000001'], ['100-001', '1000-001']),
  postal('JP', r`^〒?\d{3}-\d{4}$`, ['〒100-0001', '100-0001'], ['〒1000001', '〒〒100-0001']),
  postal('CN', r`^[1-9]\d{5}$`, ['100000', '200120'], ['010000', '10000']),
  postal('KR', r`^(?:\d{5}|\d{3}-\d{3})$`, ['03051', '110-070'], ['110070', '0305']),
  postal('TW', r`^\d{3}(?:\d{2,3})?$`, ['100', '10001', '100001'], ['1000', '10']),
  postal('SG', r`^\d{6}$`, ['018956', '238823'], ['01895', '0189567']),
  postal('MY', r`^[0-9]{5}$`, ['50050', '88000'], ['5005', '500500']),
  postal('TH', r`^[1-9]\d{4}$`, ['10200', '50000'], ['01200', '1020']),
  postal('VN', r`^[0-9]{6}$`, ['100000', '700000'], ['10000', '1000000']),
  postal('ID', r`^[1-9]\d{4}$`, ['10110', '80361'], ['01011', '1011']),
  postal('PH', r`^\d{4}$`, ['1000', '6000'], ['100', '10000']),
  postal('IN', r`^[1-9][0-9]{5}$`, ['110001', '400001'], ['011000', '11000']),
  postal('IN', r`^[1-9]\d{2}\s?\d{3}$`, ['110 001', '560001'], ['110  001', '010 001']),
  postal('PK', r`^\d{5}$`, ['44000', '75500'], ['4400', '440000']),
  postal('BD', r`^\d{4}$`, ['1000', '1212'], ['100', '12120']),
  postal('LK', r`^\d{5}$`, ['00100', '10350'], ['0010', '103500']),
  postal('NP', r`^\d{5}$`, ['44600', '33700'], ['4460', '446000']),
  postal('AU', r`^(?:0[289]|[1-9]\d)\d{2}$`, ['2000', '0800', '6000'], ['0100', '200']),
  postal('NZ', r`^\d{4}$`, ['6011', '1010'], ['601', '60111']),
  postal('ZA', r`^\d{4}$`, ['0001', '8001'], ['001', '80011']),
  postal('EG', r`^\d{5}$`, ['11511', '21500'], ['1151', '115111']),
  postal('MA', r`^[1-9]\d{4}$`, ['10000', '20250'], ['01000', '1000']),
  postal('DZ', r`^\d{5}$`, ['16000', '31000'], ['1600', 'A6000']),
  postal('TN', r`^\d{4}$`, ['1000', '3000'], ['100', '30000']),
  postal('KE', r`^\d{5}$`, ['00100', '80100'], ['0010', '001000']),
  postal('NG', r`^\d{6}$`, ['100001', '900001'], ['10000', '1000011']),
  postal('BR', r`^\d{5}-?\d{3}$`, ['01310-100', '01310100'], ['01310-10', '1310-100']),
  postal('MX', r`^\d{5}$`, ['06600', '44100'], ['0660', '066000']),
  postal('AR', r`^(?:[A-HJ-NP-Z]\d{4}[A-Z]{3}|\d{4})$`, ['C1002AAR', '1002'], ['I1002AAR', 'C1002AA']),
  postal('CL', r`^\d{3}-?\d{4}$`, ['8320000', '832-0000'], ['832000', '83-20000']),
  postal('CO', r`^\d{6}$`, ['110111', '050001'], ['11011', '1101111']),
  postal('PE', r`^(?:LIMA \d{1,2}|CALLAO(?: \d{1,2})?|\d{5})$`, ['LIMA 18', 'CALLAO', '15001'], ['LIMA', '1500']),
  postal('VE', r`^\d{4}(?: ?-?[A-Z])?$`, ['1010', '1010-A', '1010A'], ['101', '1010-AB']),
  postal('EC', r`^\d{6}$`, ['170150', '090101'], ['17015', '1701500']),
  postal('UY', r`^\d{5}$`, ['11000', '60000'], ['1100', '110000']),
  postal('CR', r`^(?:\d{4,5}|\d{3}-\d{4})$`, ['1000', '10101', '101-0001'], ['101', '1010-001']),
  postal('PR', r`^00[679]\d{2}(?:[ -]\d{4})?$`, ['00901', '00716-1234'], ['00801', '00901-12']),
  postal('SA', r`^\d{5}(?:-\d{4})?$`, ['11564', '11564-2121'], ['1156', '11564-212']),
  postal('IR', r`^\d{5}-?\d{5}$`, ['1193653471', '11936-53471'], ['119365347', '11936 53471']),
  postal('KZ', r`^\d{6}$`, ['050000', '010000'], ['05000', 'A50000']),
  postal('GE', r`^\d{4}$`, ['0100', '6000'], ['010', '01000']),
  postal('AM', r`^(?:37)?\d{4}$`, ['0010', '370010'], ['00010', '37001']),
  postal('AZ', r`^(?:AZ ?)?\d{4}$`, ['AZ 1000', 'AZ1000', '1000'], ['AZ-1000', '100']),
  postal('MD', r`^(?:MD-?)?\d{4}$`, ['MD-2001', 'MD2001', '2001'], ['MD 2001', '200']),
  postal('RS', r`^\d{5,6}$`, ['11000', '106314'], ['1100', '1063145']),
  postal('BA', r`^\d{5}$`, ['71000', '88000'], ['7100', '710000']),
  postal('ME', r`^8\d{4}$`, ['81000', '85330'], ['71000', '8100']),
  postal('AL', r`^\d{4}$`, ['1001', '9701'], ['100', '10010']),
  postal('MK', r`^\d{4}$`, ['1000', '6000'], ['10000', '600']),
  postal('FO', r`^(?:FO-?)?\d{3}$`, ['FO-100', '100', 'FO100'], ['1000', 'FO 100']),
  postal('GL', r`^39\d{2}$`, ['3900', '3985'], ['3800', '390']),
  postal('JE', r`^JE\d[\dA-Z]? ?\d[ABD-HJLN-UW-Z]{2}$`, ['JE2 3AB', 'JE23AB'], ['JE2 3CB', 'GY1 1AA']),
  postal('GG', r`^GY\d[\dA-Z]? ?\d[ABD-HJLN-UW-Z]{2}$`, ['GY1 1AA', 'GY10 1AA'], ['GY1 1CA', 'JE2 3AB']),
  postal('IM', r`^IM\d[\dA-Z]? ?\d[ABD-HJLN-UW-Z]{2}$`, ['IM1 1AA', 'IM99 1AB'], ['IM1 1A', 'IM1 1AC']),
  postal('GI', r`^GX11 1AA$`, ['GX11 1AA'], ['GX111AA', 'GX11 1AB']),
  postal('BN', r`^[A-Z]{2} ?\d{4}$`, ['BE1518', 'KA 1131'], ['B1518', 'BE151']),
  postal('KH', r`^\d{5,6}$`, ['12000', '120101'], ['1200', '1201011']),
  postal('MN', r`^[1-9]\d{4}$`, ['15160', '21000'], ['05160', '1516']),
  postal('BH', r`^(?:\d|1[0-2])\d{2}$`, ['317', '1216', '999'], ['1316', '31']),
  postal('OM', r`^(?:PC )?\d{3}$`, ['PC 133', '112'], ['PC133', '1123']),
  postal('KW', r`^\d{5}$`, ['13001', '54541'], ['1300', '130011']),
  postal('JO', r`^\d{5}$`, ['11118', '21110'], ['1111', '111181']),
  postal('UZ', r`^\d{6}$`, ['100000', '700000'], ['10000', '1000000']),
  postal('KG', r`^\d{6}$`, ['720001', '720040'], ['72000', '7200011']),
  postal('DO', r`^\d{5}$`, ['10101', '11000'], ['1010', '101011']),
  postal('GT', r`^\d{5}$`, ['01001', '09001'], ['0100', '010011']),
  postal('PY', r`^\d{4}$`, ['1209', '2160'], ['120', '12090']),
  postal('SH', r`^(?:ASCN|STHL|TDCU) 1ZZ$`, ['STHL 1ZZ', 'ASCN 1ZZ'], ['STHL1ZZ', 'TDCU 1ZY']),
  postal('FK', r`^FIQQ 1ZZ$`, ['FIQQ 1ZZ'], ['FIQQ1ZZ', 'FIQQ 1ZY']),
]

const PHONES: readonly CorpusEntry[] = [
  ok(
    'phone',
    r`^\+[1-9]\d{1,14}$`,
    ['+4915112345678', '+12025550123'],
    ['004915112345678', '+0123', '+1234567890123456'],
  ),
  ok(
    'phone',
    r`^\(?(\d{3})\)?[-. ]?(\d{3})[-. ]?(\d{4})$`,
    ['(202) 555-0123', '202.555.0123', '2025550123'],
    ['202-555-012', '(202) 555-01234'],
    { lookalikeOf: 'conditional' },
  ),
  ok(
    'phone',
    r`^(?:\+?1[-. ]?)?\(?([0-9]{3})\)?[-. ]?([0-9]{3})[-. ]?([0-9]{4})$`,
    ['+1-202-555-0123', '(202)555-0123'],
    ['+2 202 555 0123', '202-555-01234'],
    { lookalikeOf: 'conditional' },
  ),
  ok(
    'phone',
    r`^(?:\+1[ -]?)?\(?[2-9]\d{2}\)?[ -]?[2-9]\d{2}-?\d{4}$`,
    ['+1 (212) 555-0199', '212-555-0199'],
    ['112-555-0199', '212-055-0199'],
  ),
  ok(
    'phone',
    r`^(?:\+44\s?7\d{3}|\(?07\d{3}\)?)\s?\d{3}\s?\d{3}$`,
    ['+44 7911 123456', '07911 123456', '07911123456'],
    ['+44 6911 123456', '0791112345'],
  ),
  ok(
    'phone',
    r`^(?:\+49 ?|0)[1-9]\d{1,4}[ /-]?\d{3,10}$`,
    ['+49 30 1234567', '030/1234567', '0301234567'],
    ['+49 030 1234567', '30 1234567'],
  ),
  ok('phone', r`^(?:\+31|0)6[ -]?\d{8}$`, ['+31612345678', '06-12345678'], ['0612345', '+3161234567890']),
  ok('phone', r`^(?:\+91[ -]?)?[6-9]\d{9}$`, ['+91 9876543210', '9876543210'], ['5876543210', '+91 987654321']),
  ok('phone', r`^\(?\d{2}\)? ?9?\d{4}-?\d{4}$`, ['(11) 91234-5678', '1132345678'], ['(11) 1234-567', '11-1234-5678']),
  ok('phone', r`^(?:\+61|0)4\d{2} ?\d{3} ?\d{3}$`, ['0412 345 678', '+61412345678'], ['0312 345 678', '041234567']),
  ok('phone', r`^0\d{1,4}-\d{1,4}-\d{4}$`, ['03-1234-5678', '090-1234-5678'], ['0312345678', '03-1234-567']),
  ok('phone', r`^1[3-9]\d{9}$`, ['13812345678', '19912345678'], ['12812345678', '1381234567']),
  ok('phone', r`^(?:\+34)?[6-9]\d{8}$`, ['+34612345678', '912345678'], ['512345678', '61234567']),
  ok('phone', r`^(?:\+39)?3\d{8,9}$`, ['+393123456789', '312345678'], ['212345678', '31234567']),
  ok(
    'phone',
    r`^(?:\+41|0)\d{2} ?\d{3} ?\d{2} ?\d{2}$`,
    ['+41446681800', '044 668 18 00'],
    ['44 668 18 00', '044 668 18 0'],
  ),
  ok('phone', r`^[0-9 +()-]{6,20}$`, ['+49 (30) 123-456', '0123456'], ['12345', 'phone123']),
  ok('phone', r`^\+?[0-9\s\-\(\)]{7,20}$`, ['+1 (202) 555-0123', '0301234567'], ['+1 202 555 O123', '12345'], {
    constructs: ['escaped punctuation'],
  }),
  ok('phone', r`^\d{3}-\d{3}-\d{4}$`, ['202-555-0123', '800-555-0199'], ['2025550123', '202-555-012']),
  ok(
    'phone',
    r`^(?<country>\+\d{1,3}) (?<number>\d{4,14})$`,
    ['+49 3012345', '+1 2025550123'],
    ['+49 30 12345', '49 3012345'],
    {
      constructs: ['named group (?<n>…)'],
    },
  ),
  ok('phone', r`^(?:\+7|8)\d{10}$`, ['+79161234567', '89161234567'], ['+7916123456', '79161234567']),
]

const NAMES: readonly CorpusEntry[] = [
  ok('name', r`^[A-Za-z][A-Za-z' -]*$`, ["O'Brien", 'Mary-Jane', 'Anne Marie'], ['-Anne', 'J0hn']),
  ok('name', r`^\p{L}[\p{L}\p{M}' .-]*$`, ["D'Angelo", 'Zoë', 'Jean-Luc', 'St. John'], ['1Anne', 'Ann3'], {
    constructs: ['Unicode category \\p{…}'],
  }),
  ok('name', r`^[\p{L}' -]{2,50}$`, ['Ødegård', "O'Neil"], ['A', 'Jo3'], { constructs: ['Unicode category \\p{…}'] }),
  ok(
    'name',
    r`^[A-Z][a-z]+(?:[-'][A-Z][a-z]+)?$`,
    ['Smith-Jones', "Dell'Acqua", 'Ada'],
    ['smith', 'Smith-jones', "O'Neil"],
  ),
  ok('name', r`(?i)^[a-z]+(?:[ '-][a-z]+)?$`, ['mcdonald', 'Van Dyke', "D'Arcy"], ['Van  Dyke', 'a1'], {
    constructs: ['leading (?i)'],
  }),
  ok('name', r`^[^0-9_!¡?÷¿/\\+=@#$%ˆ&*(){}|~<>;:[\]]{2,}$`, ['José', 'Mary Ann'], ['J0se', 'a@b', 'x]'], {
    constructs: ['escaped punctuation'],
  }),
  ok('name', r`^[\w'\-,.][^0-9_!¡?÷¿/\\+=@#$%ˆ&*(){}|~<>;:[\]]{2,}$`, ["O'Connor", 'Smith'], ['Sm1th', 'Jo'], {
    constructs: ['escaped punctuation'],
  }),
  // Sound, but refused by the shared backtracking guard (a repeated group holding a `+`) on both sides.
  refused('name', r`^[A-Za-zÀ-ÖØ-öø-ÿ]+(?:[ '-][A-Za-zÀ-ÖØ-öø-ÿ]+)*$`),
  ok('name', r`^[a-zA-Z]+(?:\-[a-zA-Z]+)?$`, ['Jean-Paul', 'Ada'], ['Jean-', '-Paul'], {
    constructs: ['escaped punctuation'],
  }),
  ok('name', r`^\p{Lu}\p{Ll}+(?:[\s-]\p{Lu}\p{Ll}+)?$`, ['Ångström', 'Anne-Marie'], ['anne', 'Anne-marie'], {
    constructs: ['Unicode category \\p{…}'],
  }),
  ok('name', r`^[a-zA-Z '.-]*$`, ['Dr. Who', "O'Hara"], ['R2D2', 'a_b']),
  ok('name', r`^(?!.*[-']{2})[A-Za-z][A-Za-z'-]*[A-Za-z]$`, ["O'Neil", 'Ann-Marie'], ["O''Neil", 'Ann--Marie', 'A']),
  ok('name', r`^[\p{L}\p{Mn}\p{Pd}'\u2019 ]+$`, ['O’Brien', 'Jean–Luc'], ['Anne1', 'A_B'], {
    constructs: ['Unicode category \\p{…}'],
  }),
  ok('name', r`^[A-Z]'?[- a-zA-Z]+$`, ["D'Souza", 'Le Blanc'], ["d'Souza", 'X1']),
  ok('name', r`^[-'a-zA-Z ]+$`, ['Anne-Marie', "O'Neil"], ['Ann3', 'Ann_']),
  refused('name', r`^[\p{L}-[\p{Lm}]][\p{L}' -]*$`, { constructs: ['class subtraction'] }),
]

const IDS: readonly CorpusEntry[] = [
  ok('memberId', r`^[A-Z]{2}-[0-9]{4}$`, ['AB-1234', 'ZZ-0000'], ['12345', 'AB1234', 'ab-1234'], {
    lookalikeOf: 'class subtraction',
  }),
  ok('memberId', r`^M\d{6,10}$`, ['M123456', 'M1234567890'], ['M12345', 'N123456']),
  ok('memberId', r`^[A-Z0-9]{8}-[A-Z0-9]{4}$`, ['AB12CD34-EF56', '00000000-0000'], ['AB12CD34EF56', 'ab12cd34-ef56'], {
    lookalikeOf: 'class subtraction',
  }),
  ok(
    'memberId',
    r`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$`,
    ['123e4567-e89b-12d3-a456-426614174000', '550E8400-E29B-41D4-A716-446655440000'],
    ['123e4567-e89b-02d3-a456-426614174000', '123e4567e89b12d3a456426614174000'],
    { lookalikeOf: 'class subtraction' },
  ),
  ok(
    'memberId',
    r`(?i)^[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}$`,
    ['123E4567-e89b-12d3-a456-426614174000', '00000000-0000-0000-0000-000000000000'],
    ['g23e4567-e89b-12d3-a456-426614174000', '123e4567-e89b-12d3-a456-42661417400'],
    { constructs: ['leading (?i)'], lookalikeOf: 'class subtraction' },
  ),
  ok('memberId', r`^\#\d{6}$`, ['#123456', '#000001'], ['123456', '#12345'], { constructs: ['escaped punctuation'] }),
  ok('memberId', r`^#?[0-9]{5,10}$`, ['#12345', '1234567890'], ['1234', '##12345']),
  ok('memberId', r`^[A-Z]{3}\-\d{3}$`, ['ABC-123', 'XYZ-000'], ['ABC123', 'AB-123'], {
    constructs: ['escaped punctuation'],
  }),
  ok('memberId', r`^(?:LOY|VIP)-\d{4}-[A-Z]{2}$`, ['LOY-2024-AB', 'VIP-0001-ZZ'], ['LOY-2024-A', 'GLD-2024-AB'], {
    lookalikeOf: 'class subtraction',
  }),
  ok('memberId', r`^(?<prefix>[A-Z]{2})(?<number>\d{6})$`, ['AB123456', 'ZZ000000'], ['A1234567', 'AB12345'], {
    constructs: ['named group (?<n>…)'],
  }),
  ok('memberId', r`^[A-Z]-[0-9]+$`, ['A-1', 'B-12345'], ['A-', 'AB-1'], { lookalikeOf: 'class subtraction' }),
  ok('memberId', r`^[A-HJ-NP-Z0-9]{10}$`, ['ABCDEFGH12', '9999999999'], ['ABCDEFGHI1', 'ABCDEFGH1']),
  ok('memberId', r`^MEM\d{3}[A-Z]$`, ['MEM123A', 'MEM000Z'], ['MEM123', 'MEM1234']),
  ok('memberId', r`(?i)^cust_[a-z0-9]{6,12}$`, ['CUST_abc123', 'cust_ABCDEF'], ['cust_abc', 'cust-abc123'], {
    constructs: ['leading (?i)'],
  }),
  ok('memberId', r`^[A-Z]{2}-[A-Z]{2}-\d{3,5}$`, ['DE-BY-123', 'FR-IF-12345'], ['DE-BY-12', 'DE-BY-123456'], {
    lookalikeOf: 'class subtraction',
  }),
  ok('memberId', r`^\d{2}[.-]\d{3}[.-]\d{3}$`, ['12.345.678', '12-345-678'], ['12 345 678', '12345678']),
  ok('orderId', r`^ORD-\d{8}$`, ['ORD-20240101', 'ORD-00000001'], ['ORD-2024010', 'ord-20240101']),
  ok(
    'orderId',
    r`^\d{3}-\d{7}-\d{7}$`,
    ['123-4567890-1234567', '000-0000000-0000000'],
    ['123-456789-1234567', '1234567890123456'],
  ),
  ok('orderId', r`^[A-Z]{2}\d{9}[A-Z]{2}$`, ['RR123456789DE', 'EE000000000US'], ['RR12345678DE', 'rr123456789de']),
  ok(
    'orderId',
    r`^1Z[0-9A-Z]{16}$`,
    ['1Z999AA10123456784', '1ZABCDEFGHIJKLMNOP'],
    ['1Z999AA1012345678', '2Z999AA10123456784'],
  ),
  ok('orderId', r`^C-\d{4}-[A-Z0-9]{4}$`, ['C-2024-X9Y8', 'C-0001-AAAA'], ['C-2024-X9Y', 'C2024X9Y8'], {
    lookalikeOf: 'class subtraction',
  }),
  ok('orderId', r`^\d{4}-[A-Z]{2}-\d{2}$`, ['2024-AB-01', '1999-ZZ-99'], ['2024-ab-01', '2024-AB-1'], {
    lookalikeOf: 'class subtraction',
  }),
  ok('orderId', r`^\d{13}$`, ['4006381333931', '0000000000000'], ['400638133393', '40063813339310']),
  ok(
    'orderId',
    r`^(?:97[89]-?)?\d{1,5}-?\d{1,7}-?\d{1,6}-?[\dX]$`,
    ['978-3-16-148410-0', '316148410X'],
    ['978-3-16-148410-01', '978-3-16-14841X-0'],
  ),
  ok('orderId', r`^[A-Z]{2}\d{2}[A-Z]{3}$`, ['AB12CDE', 'ZZ00AAA'], ['AB12CD', 'A012CDE']),
  ok('orderId', r`^INV/\d{4}/\d{5}$`, ['INV/2024/00001', 'INV/1999/12345'], ['INV-2024-00001', 'INV/2024/0001']),
]

const VAT_IDS: readonly CorpusEntry[] = [
  ok('vatId', r`^ATU\d{8}$`, ['ATU12345678', 'ATU00000000'], ['AT12345678', 'ATU1234567']),
  ok('vatId', r`^BE[01]\d{9}$`, ['BE0123456789', 'BE1123456789'], ['BE2123456789', 'BE012345678']),
  ok('vatId', r`^DE\d{9}$`, ['DE123456789', 'DE000000000'], ['DE12345678', '123456789']),
  ok('vatId', r`^DK\d{8}$`, ['DK12345678', 'DK00000000'], ['DK1234567', 'DE12345678']),
  ok('vatId', r`^FR[0-9A-HJ-NP-Z]{2}\d{9}$`, ['FR40303265045', 'FRK7399859412'], ['FRI7399859412', 'FR4030326504']),
  ok(
    'vatId',
    r`^GB(?:\d{9}|\d{12}|GD[0-4]\d{2}|HA[5-9]\d{2})$`,
    ['GB123456789', 'GBGD001', 'GBHA599'],
    ['GBGD501', 'GB12345678'],
  ),
  ok('vatId', r`^NL\d{9}B\d{2}$`, ['NL123456789B01', 'NL000000000B99'], ['NL123456789A01', 'NL12345678B01']),
  ok('vatId', r`^IT\d{11}$`, ['IT12345678901', 'IT00000000000'], ['IT1234567890', 'IT123456789012']),
  ok('vatId', r`^ES[A-Z0-9]\d{7}[A-Z0-9]$`, ['ESX1234567X', 'ES12345678Z'], ['ES1234567', 'ESx1234567X']),
  ok(
    'vatId',
    r`^CHE-?\d{3}\.?\d{3}\.?\d{3}(?: ?(?:MWST|TVA|IVA))?$`,
    ['CHE-123.456.789 MWST', 'CHE123456789'],
    ['CHE-123.456.78', 'CH-123.456.789'],
  ),
  ok('vatId', r`^PL\d{10}$`, ['PL1234567890', 'PL0000000000'], ['PL123456789', 'PL12345678901']),
  ok('vatId', r`^SE\d{10}01$`, ['SE123456789701', 'SE000000000001'], ['SE123456789702', 'SE1234567801']),
  ok(
    'vatId',
    r`^(?:ATU\d{8}|BE[01]\d{9}|DE\d{9}|FR[0-9A-Z]{2}\d{9}|NL\d{9}B\d{2})$`,
    ['DE123456789', 'NL123456789B01'],
    ['DE1234567890', 'XX123456789'],
  ),
  ok('vatId', r`(?i)^de\d{9}$`, ['de123456789', 'DE123456789'], ['de12345678', 'at123456789'], {
    constructs: ['leading (?i)'],
  }),
  ok('vatId', r`^[A-Z]{2}[0-9A-Z+*]{2,12}$`, ['IE1234567T', 'DK12345678'], ['D1234', 'de1234']),
  ok('vatId', r`^EL\d{9}$`, ['EL123456789', 'EL000000000'], ['GR123456789', 'EL12345678']),
  ok('vatId', r`^CY\d{8}[A-Z]$`, ['CY12345678X', 'CY00000000A'], ['CY12345678', 'CY123456789']),
]

const IBANS: readonly CorpusEntry[] = [
  ok(
    'iban',
    r`^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$`,
    ['DE89370400440532013000', 'GB29NWBK60161331926819'],
    ['DE8937040044', 'de89370400440532013000'],
  ),
  ok(
    'iban',
    r`^DE\d{20}$`,
    ['DE89370400440532013000', 'DE00000000000000000000'],
    ['DE8937040044053201300', 'AT89370400440532013000'],
  ),
  ok(
    'iban',
    r`^GB\d{2}[A-Z]{4}\d{14}$`,
    ['GB29NWBK60161331926819', 'GB00AAAA00000000000000'],
    ['GB29NWB60161331926819', 'GB29NWBK6016133192681'],
  ),
  ok(
    'iban',
    r`^FR\d{12}[A-Z0-9]{11}\d{2}$`,
    ['FR1420041010050500013M02606', 'FR7630006000011234567890189'],
    ['FR1420041010050500013M0260', 'FR142004101005050001$M02606'],
  ),
  ok(
    'iban',
    r`^NL\d{2}[A-Z]{4}\d{10}$`,
    ['NL91ABNA0417164300', 'NL00INGB0000000000'],
    ['NL91ABN0417164300', 'NL91ABNA041716430'],
  ),
  ok(
    'iban',
    r`^CH\d{7}[A-Z0-9]{12}$`,
    ['CH9300762011623852957', 'CH5604835012345678009'],
    ['CH930076201162385295', 'CH93007620116238529571'],
  ),
  ok(
    'iban',
    r`^(?<country>[A-Z]{2})(?<check>\d{2})(?<bban>[A-Z0-9]{11,30})$`,
    ['AT611904300234573201', 'BE68539007547034'],
    ['AT61190430023', '1T611904300234573201'],
    { constructs: ['named group (?<n>…)'] },
  ),
  ok(
    'iban',
    r`^AT\d{18}$`,
    ['AT611904300234573201', 'AT000000000000000000'],
    ['AT61190430023457320', 'AT6119043002345732011'],
  ),
  ok(
    'iban',
    r`^ES\d{22}$`,
    ['ES9121000418450200051332', 'ES0000000000000000000000'],
    ['ES912100041845020005133', 'ES91210004184502000513321'],
  ),
  ok(
    'iban',
    r`^IT\d{2}[A-Z]\d{10}[0-9A-Z]{12}$`,
    ['IT60X0542811101000000123456', 'IT00A0000000000AAAAAAAAAAAA'],
    ['IT6005428111010000001234567', 'IT60X054281110100000012345'],
  ),
  ok(
    'iban',
    r`^[A-Z]{2}\d{2} ?[A-Z0-9]{4} ?[A-Z0-9]{4} ?[A-Z0-9]{4} ?[A-Z0-9]{4} ?[A-Z0-9]{0,4}$`,
    ['DE89 3704 0044 0532 0130', 'DE89370400440532013000'],
    ['DE89 3704 0044', 'de89 3704 0044 0532 0130'],
  ),
]

const DATES: readonly CorpusEntry[] = [
  ok('date', r`^\d{4}-\d{2}-\d{2}$`, ['2024-02-29', '1999-12-31'], ['2024-2-29', '24-02-29']),
  ok(
    'date',
    r`^(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$`,
    ['2024-02-29', '1900-01-01'],
    ['2024-13-01', '2024-00-10', '1899-01-01'],
  ),
  ok(
    'date',
    r`^(0[1-9]|[12][0-9]|3[01])\.(0[1-9]|1[0-2])\.(19|20)\d{2}$`,
    ['31.12.1999', '01.01.2024'],
    ['32.12.1999', '1.1.2024'],
  ),
  ok(
    'date',
    r`^(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])/\d{4}$`,
    ['2/29/2024', '12/31/1999'],
    ['13/01/2024', '2/32/2024'],
  ),
  ok(
    'date',
    r`^(?<year>\d{4})-(?<month>0[1-9]|1[0-2])-(?<day>0[1-9]|[12]\d|3[01])$`,
    ['2024-01-31', '1999-12-01'],
    ['2024-1-31', '2024-01-32'],
    { constructs: ['named group (?<n>…)'] },
  ),
  ok('date', r`\A(?:19|20)\d\d\z`, ['1990', '2024'], ['1899', '990'], { constructs: ['\\A', '\\z'] }),
  ok('date', r`^\d{1,2}/\d{1,2}/\d{2}(?:\d{2})?$`, ['1/2/24', '01/02/2024'], ['1/2/2', '1-2-24']),
  ok('date', r`^(?:0[1-9]|1[0-2])/\d{2}$`, ['01/26', '12/30'], ['13/26', '1/26']),
  ok(
    'date',
    r`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:\d{2})$`,
    ['2024-01-31T12:00Z', '2024-01-31T12:00:00+01:00'],
    ['2024-01-31 12:00Z', '2024-01-31T12:00'],
  ),
  ok('date', r`^(?:[01]\d|2[0-3]):[0-5]\d$`, ['00:00', '23:59'], ['24:00', '12:60']),
  ok(
    'date',
    r`^(?:0[1-9]|[12]\d|3[01])-(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)-\d{4}$`,
    ['01-JAN-2024', '31-DEC-1999'],
    ['01-Jan-2024', '32-JAN-2024'],
  ),
  ok(
    'date',
    r`(?i)^(?:0[1-9]|[12]\d|3[01])-(?:jan|feb|mar)-\d{4}$`,
    ['01-Jan-2024', '15-FEB-1999'],
    ['01-Apr-2024', '1-Jan-2024'],
    { constructs: ['leading (?i)'] },
  ),
  ok('date', r`^\d{2}\.\d{2}\.\d{4}$`, ['29.02.2024', '01.01.1970'], ['29/02/2024', '29.2.2024']),
]

const OTHERS: readonly CorpusEntry[] = [
  ok('email', r`^[^@\s]+@[^@\s]+\.[^@\s]+$`, ['a@b.co', 'first.last@example.com'], ['a@b', 'a b@c.de']),
  ok('email', r`^[\w.+-]+@[\w-]+\.[\w.-]+$`, ['a.b+c@ex-ample.co.uk', 'x@y.z'], ['a@b', '@b.c']),
  ok(
    'password',
    r`^(?=.*[a-z])(?=.*[A-Z])(?=.*\d).{8,}$`,
    ['Secret123', 'aB3aaaaa'],
    ['secret123', 'SECRET123', 'Sec1'],
  ),
  ok('password', r`^(?=.*[!@#$%^&*])(?=.*\d)[A-Za-z\d!@#$%^&*]{8,}$`, ['pass123!', '!!!!!!1a'], ['pass1234', 'pass!']),
  ok('other', r`^#(?:[0-9a-fA-F]{3}){1,2}$`, ['#fff', '#A1B2C3'], ['#ffff', 'fff']),
  ok(
    'other',
    r`^https?://[^\s/$.?#].[^\s]*$`,
    ['https://example.com', 'http://a.b/c?d=e'],
    ['ftp://x.y', 'https:// x'],
  ),
  ok('other', r`^[a-z0-9_-]{3,16}$`, ['user_name-1', 'abc'], ['ab', 'User']),
  // Sound, but refused by the shared backtracking guard (a repeated group holding a `+`) on both sides.
  refused('other', r`^[a-z0-9]+(?:-[a-z0-9]+)*$`),
]

const DOTNET: readonly CorpusEntry[] = [
  ok('dotnet', r`(?i)^[a-z]{2}\d{3}$`, ['AB123', 'ab123'], ['ab12', 'a1234'], { constructs: ['leading (?i)'] }),
  ok('dotnet', r`(?m)^\d{5}$`, ['10115', 'abc\n10115'], ['abc', '1011\n5'], { constructs: ['leading (?m)'] }),
  ok('dotnet', r`(?s)^<.+>$`, ['<a\nb>', '<x>'], ['<>', 'a\nb'], { constructs: ['leading (?s)'] }),
  ok('dotnet', r`(?n)^(\d{3})-(\d{4})$`, ['555-1234', '000-0000'], ['5551234', '555-123'], {
    constructs: ['leading (?n)'],
  }),
  ok('dotnet', r`(?in)^([a-z]+)$`, ['ABC', 'abc'], ['ab1', 'a b'], { constructs: ['leading (?i)', 'leading (?n)'] }),
  ok('dotnet', r`(?i)(?s)^a.b$`, ['A\nB', 'axb'], ['ab', 'a\n\nb'], { constructs: ['leading (?i)', 'leading (?s)'] }),
  ok('dotnet', r`(?m)\A\d+\z`, ['12', '007'], ['12\n34', 'a1'], { constructs: ['leading (?m)', '\\A', '\\z'] }),
  refused('dotnet', r`(?x)^\d{5} # zip`, { constructs: ['option x'] }),
  refused('dotnet', r`(?ix)^[a-z]+$`, { constructs: ['option x'] }),
  refused('dotnet', r`^(?i:ab)\d$`, { constructs: ['scoped options (?i:…)'] }),
  refused('dotnet', r`^(?i-s:a.b)$`, { constructs: ['scoped options (?i:…)'] }),
  refused('dotnet', r`^ab(?i)cd$`, { constructs: ['options mid-pattern'] }),
  refused('dotnet', r`^(?>\d+)-\d+$`, { constructs: ['atomic group'] }),
  refused('dotnet', r`(?>a|ab)c`, { constructs: ['atomic group'] }),
  refused('dotnet', r`^(?(\d)\d{5}|[A-Z]{2}\d{3})$`, { constructs: ['conditional'] }),
  refused('dotnet', r`^(<)?\w+(?(1)>)$`, { constructs: ['conditional'] }),
  refused('dotnet', r`^(?:(?<open>\()|(?<-open>\))|[^()])*$`, { constructs: ['balancing group'] }),
  refused('dotnet', r`^(?'open'a)+(?'close-open'b)+$`, { constructs: ['balancing group'] }),
  refused('dotnet', r`^[a-z-[aeiou]]+$`, { constructs: ['class subtraction'] }),
  refused('dotnet', r`^[\d-[0]]\d{4}$`, { constructs: ['class subtraction'] }),
  refused('dotnet', r`^[a-z-[m-z-[p]]]$`, { constructs: ['class subtraction'] }),
  // A `-` that is neither first nor the end of a range, even right after an escaped `\-`.
  refused('dotnet', r`^[\--[a]]$`, { constructs: ['class subtraction'] }),
  refused('dotnet', r`^[--[a]]$`, { constructs: ['class subtraction'] }),
  refused('dotnet', r`^\p{IsGreek}+$`, { constructs: ['Unicode block \\p{Is…}'] }),
  refused('dotnet', r`^[\p{IsCyrillic}\s]+$`, { constructs: ['Unicode block \\p{Is…}'] }),
  refused('dotnet', r`^\P{IsBasicLatin}$`, { constructs: ['Unicode block \\p{Is…}'] }),
  refused('dotnet', r`\Gabc`, { constructs: ['\\G'] }),
  refused('dotnet', r`(?#zip code)^\d+$`, { constructs: ['comment (?#…)'] }),
  refused('dotnet', r`^\d{5}(?#five digits)$`, { constructs: ['comment (?#…)'] }),
  // Escaped backslashes before a construct leave it a construct.
  refused('dotnet', r`^\\(?>a)$`, { constructs: ['atomic group'] }),
  ok('dotnet', r`^\p{Lu}\p{Ll}+$`, ['Ärger', 'Ωmega'], ['ärger', 'ÄRGER'], { constructs: ['Unicode category \\p{…}'] }),
  ok('dotnet', r`^\p{L}+$`, ['Zoë', '東京'], ['abc1', 'a b'], { constructs: ['Unicode category \\p{…}'] }),
  ok('dotnet', r`\A\d{5}\z`, ['10115', '99999'], ['1011', '101155'], { constructs: ['\\A', '\\z'] }),
  ok('dotnet', r`\A[A-Z]{2}\Z`, ['AB', 'XY'], ['ABC', 'A'], { constructs: ['\\A', '\\Z'] }),
  ok('dotnet', r`^(?<zip>\d{5})$`, ['10115', '00000'], ['1011', 'abcde'], { constructs: ['named group (?<n>…)'] }),
  ok('dotnet', r`^(?'zip'\d{5})$`, ['10115', '00000'], ['1011', 'abcde'], { constructs: ["named group (?'n'…)"] }),
  ok('dotnet', r`^(?'d'\d)\k'd'$`, ['11', '22'], ['12', '1'], {
    constructs: ["named group (?'n'…)", "backreference \\k'n'"],
  }),
  ok('dotnet', r`^(?<c>[a-z])\k<c>$`, ['aa', 'zz'], ['ab', 'a'], {
    constructs: ['named group (?<n>…)', 'backreference \\k<n>'],
  }),
  ok('dotnet', r`^\a?x$`, ['x', '\x07x'], ['ax', '\x07'], { constructs: ['\\a'] }),
  ok('dotnet', r`^[^\e]+$`, ['abc', 'e'], ['\x1b', 'a\x1bb'], { constructs: ['\\e'] }),
  ok('dotnet', r`^\e\[\d+m$`, ['\x1b[31m', '\x1b[0m'], ['[31m', '\x1b[m'], { constructs: ['\\e'] }),
  ok('dotnet', r`^\p{Lu}\-\d{2}$`, ['Ä-12', 'A-07'], ['a-12', 'A12'], {
    constructs: ['escaped punctuation', 'Unicode category \\p{…}'],
  }),
  ok('dotnet', r`^\p{L}+[\-#]\#$`, ['ab-#', 'é##'], ['ab-', 'ab#'], {
    constructs: ['escaped punctuation', 'Unicode category \\p{…}'],
  }),
  ok('dotnet', r`^[\-\#]+$`, ['-#', '#'], ['a', '-a'], { constructs: ['escaped punctuation'] }),
  ok('dotnet', r`^a\ b\@c$`, ['a b@c'], ['ab@c', 'a b c'], { constructs: ['escaped punctuation'] }),
  // .NET's `\-` never starts a range, where JavaScript's would: this class is `-`, `-` and `a`.
  ok('dotnet', r`^[\--a]$`, ['-', 'a'], ['0', 'Z', '.'], { constructs: ['escaped punctuation'] }),
  ok('dotnet', r`^[]a]+$`, [']a', 'a]]'], ['b', '[a'], { constructs: ['] first in a class'] }),
  ok('dotnet', r`^[^]]+$`, ['abc', '[x'], [']', 'a]b'], { constructs: ['] first in a class'] }),
  ok('dotnet', r`^[]-a]$`, ['^', '_', 'a'], ['b', '['], { constructs: ['] first in a class'] }),
  ok('dotnet', r`^a{,3}$`, ['a{,3}'], ['aaa', 'a'], { constructs: ['literal brace or bracket'] }),
  ok('dotnet', r`^\p{Lu}{2}]$`, ['AB]', 'ÄÖ]'], ['AB', 'ab]'], {
    constructs: ['literal brace or bracket', 'Unicode category \\p{…}'],
  }),
]

/** Text that looks like a refused construct where .NET gives it no meaning: inside a class, or escaped. */
const LOOKALIKES: readonly CorpusEntry[] = [
  ok('dotnet', r`^[-[a]]$`, ['-]', '[]', 'a]'], ['a', '-'], { lookalikeOf: 'class subtraction' }),
  ok('dotnet', r`^[^-[]]$`, ['a]', 'x]'], ['-]', '[]'], { lookalikeOf: 'class subtraction' }),
  // `+--` is a range (`+` to `-`), so the `[` after it is a literal.
  ok('dotnet', r`^[+--[a]]$`, [',]', '[]', 'a]'], ['b]', '+'], { lookalikeOf: 'class subtraction' }),
  ok('dotnet', r`^[\-[a]]$`, ['-]', '[]'], ['-', 'b]'], { lookalikeOf: 'class subtraction' }),
  ok('dotnet', r`^\-[x]$`, ['-x'], ['x', '-y'], { lookalikeOf: 'class subtraction' }),
  ok('dotnet', r`^-[a]$`, ['-a'], ['a', '-b'], { lookalikeOf: 'class subtraction' }),
  ok('dotnet', r`^[a-]-[b]$`, ['a-b', '--b'], ['ab', 'a-c'], { lookalikeOf: 'class subtraction' }),
  ok('dotnet', r`^[(?>]+$`, ['(?>', '>'], ['a', '(?>a'], { lookalikeOf: 'atomic group' }),
  ok('dotnet', r`^\(?>\d$`, ['(>1', '>1'], ['1', '(>'], { lookalikeOf: 'atomic group' }),
  ok('dotnet', r`^\\\(?>a$`, ['\\(>a', '\\>a'], ['>a', '\\(a'], { lookalikeOf: 'atomic group' }),
  ok('dotnet', r`^[(?(]+$`, ['(?(', '?'], ['a', ')'], { lookalikeOf: 'conditional' }),
  ok('dotnet', r`^\(?<a-b>$`, ['(<a-b>', '<a-b>'], ['a-b', '(a-b)'], { lookalikeOf: 'balancing group' }),
  // `a-b` here is the range a to b: the `-` itself is no member.
  ok('dotnet', r`^[(?<a-b>)]+$`, ['<ab>', '?'], ['c', '<a-b>'], { lookalikeOf: 'balancing group' }),
  ok('dotnet', r`^\\p{IsGreek}$`, ['\\p{IsGreek}'], ['α', 'p{IsGreek}'], { lookalikeOf: 'Unicode block \\p{Is…}' }),
  ok('dotnet', r`^[\\p{IsX}]+$`, ['p{Is}', '\\'], ['α', 'a'], { lookalikeOf: 'Unicode block \\p{Is…}' }),
  ok('dotnet', r`^\(?i:x\)$`, ['(i:x)', 'i:x)'], ['x', 'i:x'], { lookalikeOf: 'scoped options (?i:…)' }),
  ok('dotnet', r`^[(?i:)]+$`, ['i:', '(?)'], ['x', 'I'], { lookalikeOf: 'scoped options (?i:…)' }),
  ok('dotnet', r`^\(?x\)$`, ['(x)', 'x)'], ['x', '(x'], { lookalikeOf: 'option x' }),
  ok('dotnet', r`^[(?x)]+$`, ['(?x)', 'x'], ['y', 'X'], { lookalikeOf: 'option x' }),
  ok('dotnet', r`^a\(?i\)b$`, ['a(i)b', 'ai)b'], ['aib', 'AIB'], { lookalikeOf: 'options mid-pattern' }),
  ok('dotnet', r`^[(?#)]+$`, ['#', '(?#)'], ['a', 'comment'], { lookalikeOf: 'comment (?#…)' }),
  ok('dotnet', r`^\(?#\d+\)?$`, ['(#12)', '#12'], ['12', '(12)'], { lookalikeOf: 'comment (?#…)' }),
  ok('dotnet', r`^\\G$`, ['\\G'], ['G', '\\'], { lookalikeOf: '\\G' }),
  ok('dotnet', r`^[\\G]+$`, ['G\\', 'GG'], ['g', 'x'], { lookalikeOf: '\\G' }),
]

export const PATTERN_CORPUS: readonly CorpusEntry[] = [
  ...POSTAL_CODES,
  ...PHONES,
  ...NAMES,
  ...IDS,
  ...VAT_IDS,
  ...IBANS,
  ...DATES,
  ...OTHERS,
  ...DOTNET,
  ...LOOKALIKES,
]
