/*
 * The second archive's templates, per family and language. Days run from
 * Monday 4 January 2027 (day 0) to Sunday 31 January (day 27).
 */
#include "autoconfig.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "tests/scale/foldrng.h"
#include "tests/second/secondgen.h"
#include "tests/second/secondtext.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define PICK(rng, a) ((a)[foldrng_below((rng), N(a))])

/* ---- Words ---------------------------------------------------------- */

static const char *const en_towns[] = {
	"Ashford", "Brookvale", "Carrow", "Dunmore", "Eastleigh", "Fairhaven",
	"Glenrock", "Harwick", "Ivybridge", "Juniper Falls", "Kingsport",
	"Lakemont", "Millbrook", "Northgate", "Oakridge", "Pinecrest",
	"Queensbury", "Redwater", "Stonefield", "Thornbury", "Upton",
	"Valemont", "Westbury", "Yarrow",
};
static const char *const en_first[] = {
	"Alice", "Brian", "Carla", "Derek", "Elena", "Frank", "Grace", "Hugo",
	"Irene", "Jonas", "Karen", "Liam", "Maya", "Nigel", "Olive", "Pedro",
	"Quinn", "Rosa", "Simon", "Tara",
};
static const char *const en_last[] = {
	"Abbott", "Barlow", "Crane", "Doyle", "Ellison", "Fenwick", "Garner",
	"Hollis", "Ingram", "Jarvis", "Keane", "Lowry", "Mercer", "Norris",
	"Osborne", "Pruitt", "Quigley", "Rowntree", "Sutter", "Tolland",
	"Underwood", "Vance", "Whitlock", "Yates",
};
static const char *const en_firms[] = {
	"Vantor", "Helix", "Orbis", "Castleton", "Nimbus", "Quarry", "Bluefin",
	"Kestrel", "Aldan", "Tessel", "Greyfield", "Marlow", "Sentra",
	"Copperline", "Halden", "Brightwater", "Ostrava", "Pellam", "Redfern",
	"Solace", "Tamber", "Unity", "Verity", "Wexley", "Zephyr", "Lorne",
	"Dunstan", "Everett", "Foxley", "Granite",
};
static const char *const en_firm_kinds[] = {
	"Foods", "Motors", "Bank", "Pharma", "Software", "Energy", "Retail",
	"Airlines", "Mining", "Telecom",
};
static const char *const en_teams[] = {
	"Ashford Town", "Carrow Rovers", "Dunmore Athletic", "Eastleigh City",
	"Glenrock United", "Harwick Wanderers", "Kingsport FC", "Lakemont Albion",
	"Millbrook Rangers", "Northgate Town", "Oakridge Villa", "Redwater County",
	"Stonefield Borough", "Thornbury Park", "Valemont Celtic", "Westbury Dynamo",
};
static const char *const en_roads[] = {
	"I-95", "I-80", "I-10", "US-101", "Route 9", "Route 22", "M25", "M6",
	"A1", "A303", "Highway 7", "Highway 401",
};
static const char *const en_dirs[] = {
	"northbound", "southbound", "eastbound", "westbound",
};
static const char *const en_causes[] = {
	"crash", "stalled truck", "roadworks", "spilled load", "flooding",
	"police incident", "vehicle fire", "fallen tree",
};
static const char *const en_tickers[] = {
	"AAPL", "MSFT", "NVDA", "AMZN", "GOOG", "META", "TSLA", "ORCL", "INTC",
	"AMD", "NFLX", "ADBE", "CRM", "PYPL", "UBER", "SHOP",
};
static const char *const en_compass[] = {
	"N", "NE", "E", "SE", "S", "SW", "W", "NW", "NNE", "ESE", "WSW", "NNW",
};
static const char *const en_parties[] = {
	"Labour", "Conservative", "Green", "Liberal", "Independent",
};
static const char *const weekdays_en[] = {
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
};
static const char *const weekdays_de[] = {
	"Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag",
};
static const char *const weekdays_es[] = {
	"lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
};
static const char *const weekdays_ja[] = { "月", "火", "水", "木", "金", "土", "日" };
static const char *const weekdays_ko[] = { "월", "화", "수", "목", "금", "토", "일" };

static const char *const ja_places[] = {
	"札幌", "仙台", "新潟", "金沢", "静岡", "浜松", "岡山", "広島", "松山",
	"高知", "熊本", "鹿児島", "那覇", "青森", "盛岡", "秋田", "山形", "福島",
	"宇都宮", "前橋", "甲府", "長野", "富山", "福井",
};
static const char *const ja_names[] = {
	"山田", "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "中村", "小林",
	"加藤", "吉田", "山口", "松本", "井上", "木村", "林", "清水", "森",
};
static const char *const ja_given[] = {
	"太郎", "花子", "一郎", "美咲", "健", "直子", "翔太", "由美", "誠", "陽子",
};
static const char *const ja_firms[] = {
	"北星電機", "南海化学", "東邦精工", "大和食品", "富士見製薬", "旭光自動車",
	"青葉銀行", "若草通信", "白鷺航空", "朝日重工", "光陽建設", "瑞穂商事",
	"明星ソフト", "常盤不動産", "桜井製鉄", "双葉物産",
};
static const char *const ja_roads[] = {
	"東名高速", "名神高速", "中央道", "関越道", "東北道", "常磐道", "山陽道",
	"九州道", "北陸道", "新東名",
};
static const char *const ja_teams[] = {
	"北海FC", "仙台ユナイテッド", "新潟シティ", "金沢ブルー", "静岡レッズ",
	"広島ウイングス", "熊本ライオンズ", "那覇マリンズ", "岡山ファルコン",
	"長野スターズ",
};
static const char *const ja_series[] = {
	"街角の記憶", "台所だより", "旅の途中", "山のことば", "数字で読む経済",
	"子育て日記", "ことばの森", "港町から",
};
static const char *const ja_regions[] = {
	"千葉県北西部", "茨城県南部", "福島県沖", "岩手県沖", "長野県北部",
	"熊本県熊本地方", "石川県能登地方", "宮城県沖", "静岡県東部", "奈良県",
};
static const char *const ja_things[] = {
	"図書館", "市民会館", "路面電車", "中央公園", "新庁舎", "美術館",
	"給食センター", "自転車道", "消防署", "動物園", "体育館", "水族館",
};
static const char *const ja_acts[] = {
	"建て替えを決定", "改修工事を開始", "利用を再開", "運営を民間に委託",
	"入場料を値上げ", "無料開放を発表", "閉鎖を検討", "予算案を可決",
};

static const char *const de_towns[] = {
	"Kiel", "Lübeck", "Rostock", "Bremen", "Hannover", "Kassel", "Erfurt",
	"Jena", "Würzburg", "Augsburg", "Ulm", "Freiburg", "Mainz", "Trier",
	"Bonn", "Münster", "Gießen", "Passau", "Rosenheim", "Lüneburg",
};
static const char *const de_last[] = {
	"Becker", "Hofmann", "Schäfer", "Koch", "Richter", "Wolf", "Neumann",
	"Schwarz", "Zimmermann", "Krüger", "Hartmann", "Lange", "Werner",
	"Krause", "Lehmann", "Köhler",
};
static const char *const de_first[] = {
	"Anna", "Jürgen", "Petra", "Klaus", "Sabine", "Uwe", "Monika", "Dieter",
	"Heike", "Stefan",
};
static const char *const de_teams[] = {
	"SV Kiel", "Hansa Lübeck", "FC Rostock", "Werder Bremen II",
	"TSV Hannover", "KSV Kassel", "Rot-Weiß Erfurt", "Carl Zeiss Jena",
	"Kickers Würzburg", "FC Augsburg", "SSV Ulm", "SC Freiburg",
};
static const char *const de_roads[] = {
	"A1", "A2", "A3", "A5", "A7", "A8", "A9", "A24", "B27", "B96",
};
static const char *const de_firms[] = {
	"Nordwerk", "Elbtal Chemie", "Rheinmetallbau", "Hansa Logistik",
	"Südstrom", "Alpenbank", "Bergmann Pharma", "Weser Foods",
	"Isar Software", "Taunus Versicherung",
};
static const char *const de_parties[] = { "CDU", "SPD", "Grüne", "FDP", "Linke", "Freie Wähler" };
static const char *const de_things[] = {
	"Hallenbad", "Stadtbibliothek", "Theater", "Rathaus", "Busbahnhof",
	"Radweg", "Marktplatz", "Zoo", "Stadion", "Museum", "Klinikum",
};
static const char *const de_acts[] = {
	"wird saniert", "schließt vorübergehend", "öffnet wieder", "wird teurer",
	"bekommt neuen Namen", "wird abgerissen", "erhält Fördergeld",
};

static const char *const es_towns[] = {
	"Sevilla", "Valencia", "Bilbao", "Málaga", "Zaragoza", "Murcia",
	"Córdoba", "Granada", "Vigo", "Gijón", "Oviedo", "Cádiz", "Toledo",
	"Salamanca", "Burgos", "León", "Almería", "Huelva",
};
static const char *const es_first[] = {
	"María", "José", "Carmen", "Antonio", "Lucía", "Manuel", "Elena",
	"Javier", "Pilar", "Andrés",
};
static const char *const es_last[] = {
	"García", "Martínez", "López", "Sánchez", "Romero", "Navarro",
	"Torres", "Ruiz", "Moreno", "Jiménez", "Castillo", "Ortega", "Delgado",
	"Vidal",
};
static const char *const es_teams[] = {
	"Real Sevilla", "Atlético Valencia", "Athletic Bilbao B", "CD Málaga",
	"Real Zaragoza", "UD Murcia", "Córdoba CF", "Granada CF", "Celta Vigo",
	"Sporting Gijón", "Real Oviedo", "Cádiz CF",
};
static const char *const es_roads[] = {
	"A-6", "A-4", "AP-7", "M-30", "A-2", "A-66", "N-340", "A-7",
};
static const char *const es_firms[] = {
	"Iberdrola Sur", "Banco Levante", "Aceros del Norte", "Telecom Ibérica",
	"Farmacéutica Real", "Alimentos Sierra", "Constructora Meseta",
	"Aerolíneas Sol",
};
static const char *const es_things[] = {
	"la biblioteca", "el mercado central", "el estadio", "el museo",
	"la estación de autobuses", "el puerto", "el hospital", "el teatro",
	"el carril bici", "el parque",
};
static const char *const es_acts[] = {
	"reabre", "cierra por obras", "amplía su horario", "sube sus tarifas",
	"recibe una subvención", "será demolido", "estrena reforma",
};

static const char *const ko_places[] = {
	"서울", "부산", "대구", "인천", "광주", "대전", "울산", "수원", "창원",
	"청주", "전주", "포항", "제주", "춘천", "강릉", "여수",
};
static const char *const ko_names[] = {
	"김민준", "이서연", "박지훈", "최수아", "정우진", "강하은", "조현우",
	"윤지민", "장서준", "임채원", "한도윤", "오유진",
};
static const char *const ko_roads[] = {
	"경부고속도로", "영동고속도로", "서해안고속도로", "중부고속도로",
	"남해고속도로", "호남고속도로",
};
static const char *const ko_teams[] = {
	"서울 FC", "부산 아이파크", "대구 블루", "인천 유나이티드", "광주 타이거즈",
	"대전 시티즌", "울산 웨일즈", "수원 블루윙즈",
};
static const char *const ko_things[] = {
	"도서관", "시민회관", "공원", "지하철역", "미술관", "체육관", "시장",
	"버스터미널",
};
static const char *const ko_acts[] = {
	"재개관", "리모델링 착공", "운영 중단", "요금 인상", "무료 개방",
	"이전 확정",
};

/* ---- Writing -------------------------------------------------------- */

static void
put(char *out, size_t cap, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(out, cap, fmt, ap);
	va_end(ap);
}

#define PUT(field, ...) put(s->field, sizeof(s->field), __VA_ARGS__)

static int
mday(int day)
{
	return 4 + day;
}

/* A number written with full-width digits, as Japanese outlets may. */
static void
fullwidth_number(unsigned n, char *out, size_t cap)
{
	char digits[24];
	size_t i, o = 0;

	snprintf(digits, sizeof(digits), "%u", n);
	for (i = 0; digits[i] != '\0' && o + 4 < cap; i++) {
		out[o++] = (char)0xEF, out[o++] = (char)0xBC;
		out[o++] = (char)(0x90 + (digits[i] - '0'));
	}
	out[o] = '\0';
}

/* ---- Families ------------------------------------------------------- */

static int
lottery(int lang, int day, uint64_t *r, struct secondtext_story *s)
{
	unsigned b[6], i, bonus = 1 + (unsigned)foldrng_below(r, 20);
	int draw = (day / 7) * 2 + (day % 7 >= 3);
	int dday = (day / 7) * 7 + (day % 7 >= 3 ? 5 : 2);	/* Wed or Sat */

	for (i = 0; i < 6; i++) {
		b[i] = 1 + (unsigned)foldrng_below(r, 49);
	}
	switch (lang) {
	case ST_EN: {
		static const char *const games[] = { "Powerball", "Mega Millions", "Lotto", "EuroMillions" };
		const char *g = PICK(r, games);

		PUT(identity, "lot en %s %d", g, dday);
		PUT(title, "%s results for %s, January %d", g, weekdays_en[dday % 7], mday(dday));
		PUT(summary, "The winning numbers in %s's %s draw were %u, %u, %u, %u, %u and %u, with bonus ball %u. The jackpot rolls over.",
		    weekdays_en[dday % 7], g, b[0], b[1], b[2], b[3], b[4], b[5], bonus);
		return 1;
	}
	case ST_JA: {
		static const char *const games[] = { "ロト6", "ロト7", "ミニロト" };
		const char *g = PICK(r, games);
		char n[32];

		fullwidth_number(1800u + (unsigned)draw, n, sizeof(n));
		PUT(identity, "lot ja %s %d", g, draw);
		PUT(title, "%s 第%s回 当選番号", g, n);
		PUT(summary, "1月%d日に抽せんが行われた%s第%u回の本数字は%02u %02u %02u %02u %02u %02u、ボーナス数字は%02uでした。",
		    mday(dday), g, 1800u + (unsigned)draw, b[0], b[1], b[2], b[3], b[4], b[5], bonus);
		return 1;
	}
	case ST_DE:
		PUT(identity, "lot de %d", dday);
		PUT(title, "Lottozahlen am %s: %u, %u, %u, %u, %u, %u", weekdays_de[dday % 7], b[0], b[1], b[2], b[3], b[4], b[5]);
		PUT(summary, "Die Gewinnzahlen der Ziehung vom %s, %d. Januar, lauten %u, %u, %u, %u, %u und %u, Superzahl %u.",
		    weekdays_de[dday % 7], mday(dday), b[0], b[1], b[2], b[3], b[4], b[5], bonus % 10);
		return 1;
	case ST_ES: {
		static const char *const games[] = { "Bonoloto", "La Primitiva", "Euromillones", "El Gordo" };
		const char *g = PICK(r, games);

		PUT(identity, "lot es %s %d", g, dday);
		PUT(title, "Resultados de %s del %s %d de enero", g, weekdays_es[dday % 7], mday(dday));
		PUT(summary, "La combinación ganadora de %s del %s fue %u, %u, %u, %u, %u y %u; complementario %u.",
		    g, weekdays_es[dday % 7], b[0], b[1], b[2], b[3], b[4], b[5], bonus);
		return 1;
	}
	case ST_KO:
		PUT(identity, "lot ko %d", draw);
		PUT(title, "로또 %u회 당첨번호 %u, %u, %u, %u, %u, %u", 1150u + (unsigned)draw, b[0], b[1], b[2], b[3], b[4], b[5]);
		PUT(summary, "동행복권은 제%u회 로또 추첨 결과 당첨번호가 %u, %u, %u, %u, %u, %u이고 보너스 번호는 %u라고 밝혔다.",
		    1150u + (unsigned)draw, b[0], b[1], b[2], b[3], b[4], b[5], bonus);
		return 1;
	}
	return 0;
}

static int
traffic(int lang, int day, uint64_t *r, struct secondtext_story *s)
{
	unsigned exit = 1 + (unsigned)foldrng_below(r, 60);
	unsigned km = 2 + (unsigned)foldrng_below(r, 25), hour = 6 + (unsigned)foldrng_below(r, 14);

	switch (lang) {
	case ST_EN: {
		const char *road = PICK(r, en_roads), *dir = PICK(r, en_dirs), *cause = PICK(r, en_causes);
		const char *town = PICK(r, en_towns);

		PUT(identity, "tr en %s %u %d", road, exit, day / 7);
		PUT(title, "Traffic: %s closes lanes on %s %s near Exit %u", cause, road, dir, exit);
		PUT(summary, "A %s has closed two lanes of the %s %s near Exit %u by %s since %u:%02u. Expect delays of up to %u minutes.",
		    cause, road, dir, exit, town, hour, (unsigned)foldrng_below(r, 60), km * 3);
		return 1;
	}
	case ST_JA: {
		const char *road = PICK(r, ja_roads), *p = PICK(r, ja_places);
		int up = foldrng_chance(r, 50);

		PUT(identity, "tr ja %s %s %d %u %d", road, p, up, km, day);
		PUT(title, "%s %s %s付近で渋滞%uキロ", road, up ? "上り" : "下り", p, km);
		PUT(summary, "%u日午前%u時ごろ、%sの%s%s付近で事故があり、およそ%uキロの渋滞となっています。",
		    mday(day), hour % 12, road, up ? "上り線" : "下り線", p, km);
		return 1;
	}
	case ST_DE: {
		const char *road = PICK(r, de_roads), *a = PICK(r, de_towns), *b = PICK(r, de_towns);

		if (a == b) {
			return 0;
		}
		PUT(identity, "tr de %s %s %s %d", road, a < b ? a : b, a < b ? b : a, day / 7);
		PUT(title, "%s: %u Kilometer Stau zwischen %s und %s", road, km, a, b);
		PUT(summary, "Nach einem Unfall staut sich der Verkehr auf der %s zwischen %s und %s auf %u Kilometern. Die Polizei rät, die Strecke zu meiden.",
		    road, a, b, km);
		return 1;
	}
	case ST_ES: {
		const char *road = PICK(r, es_roads), *t = PICK(r, es_towns);

		PUT(identity, "tr es %s %s %u %d", road, t, km, day);
		PUT(title, "Retenciones de %u kilómetros en la %s a la altura de %s", km, road, t);
		PUT(summary, "Un accidente provoca retenciones de %u kilómetros en la %s a la altura de %s desde las %u:%02u horas.",
		    km, road, t, hour, (unsigned)foldrng_below(r, 60));
		return 1;
	}
	case ST_KO: {
		const char *road = PICK(r, ko_roads), *p = PICK(r, ko_places);

		PUT(identity, "tr ko %s %s %u %d", road, p, km, day);
		PUT(title, "%s %s 부근 %ukm 정체", road, p, km);
		PUT(summary, "%u일 오전 %u시쯤 %s %s 부근에서 교통사고가 나 %ukm 구간이 정체를 빚고 있다.",
		    mday(day), hour % 12, road, p, km);
		return 1;
	}
	}
	return 0;
}

/* Ordinary news, a pattern per draw; alt holds "B: A" for "A, says B". */
static int
news_en(uint64_t *r, struct secondtext_story *s, unsigned pat, int day)
{
	const char *town = PICK(r, en_towns), *first = PICK(r, en_first), *last = PICK(r, en_last);
	const char *firm = PICK(r, en_firms), *kind = PICK(r, en_firm_kinds);
	unsigned n = 20 + 10 * (unsigned)foldrng_below(r, 90);
	static const char *const things[] = {
		"bike lanes", "parking fees", "a new library", "school bus routes",
		"the harbour wall", "a night market", "street lighting", "a skate park",
		"the swimming pool", "tree planting", "a tram extension", "a noise curfew",
	};
	static const char *const crimes[] = {
		"jewellery store robbery", "arson attack", "cash machine theft",
		"cyber attack", "warehouse break-in", "car theft ring",
	};
	static const char *const claims[] = {
		"Interest rates will stay high", "The housing shortage will get worse",
		"Hospital waiting lists are falling", "The bypass will open on time",
		"Tourism is back to pre-pandemic levels", "Water bills must rise",
		"The port expansion will create jobs", "Crime is down across the county",
	};
	const char *thing = PICK(r, things);

	switch (pat % 8) {
	case 0:
		PUT(identity, "news en council %s %d", town, day / 7);
		PUT(title, "%s council approves %s after heated debate", town, thing);
		PUT(summary, "Councillors in %s voted %u to %u on Tuesday night to approve %s, ending months of argument.", town, 5 + n % 9, n % 5, thing);
		return 1;
	case 1:
		PUT(identity, "news en jobs %s %d", town, day / 7);
		PUT(title, "%s %s to cut %u jobs at %s plant", firm, kind, n, town);
		PUT(summary, "%s %s said it would cut %u jobs at its plant in %s as demand slows, the company said in a statement.", firm, kind, n, town);
		return 1;
	case 2: {
		const char *crime = PICK(r, crimes);

		PUT(identity, "news en police %s %d", town, day / 7);
		PUT(title, "Police investigate %s in %s", crime, town);
		PUT(summary, "Detectives in %s are appealing for witnesses after a %s in the early hours, police said.", town, crime);
		return 1;
	}
	case 3:
		PUT(identity, "news en storm %s %d", town, day / 7);
		PUT(title, "Storm leaves %u homes without power in %s", n * 10, town);
		PUT(summary, "High winds brought down lines across %s overnight, and %u homes were still without power on Thursday morning.", town, n * 10);
		return 1;
	case 4: {
		const char *claim = PICK(r, claims);

		PUT(identity, "news en says %s %s", claim, last);
		PUT(title, "%s, says %s %s", claim, first, last);
		PUT(alt, "%s %s: %s", first, last, claim);
		PUT(summary, "%s %s, who chairs the %s committee, made the remarks at a conference in %s on Wednesday.", first, last, town, PICK(r, en_towns));
		return 1;
	}
	case 5:
		PUT(identity, "news en resign %s %d", town, day / 7);
		PUT(title, "%s mayor %s %s resigns over expenses row", town, first, last);
		PUT(summary, "%s %s, mayor of %s since %u, stepped down on Monday after an inquiry into expense claims.", first, last, town, 2010 + n % 15);
		return 1;
	case 6:
		PUT(identity, "news en reopen %s %d", town, day / 7);
		PUT(title, "%s reopens %s after %u-month closure", town, thing, 2 + n % 20);
		PUT(summary, "Residents of %s can use %s again from Saturday after repairs that cost %u,000 pounds.", town, thing, n);
		return 1;
	default:
		PUT(identity, "news en recall %s %s", firm, kind);
		PUT(title, "%s %s recalls %u,000 products over safety fears", firm, kind, n);
		PUT(summary, "%s %s is recalling %u,000 items sold since March after reports of overheating, regulators said.", firm, kind, n);
		return 1;
	}
}

static int
news_ja(uint64_t *r, struct secondtext_story *s, int day)
{
	const char *p = PICK(r, ja_places), *t = PICK(r, ja_things), *a = PICK(r, ja_acts);

	PUT(identity, "news ja %s %s %s", p, t, a);
	PUT(title, "%s市 %sの%s", p, t, a);
	PUT(summary, "%s市は%u日、市立%sの%sしたと明らかにした。費用はおよそ%u億円を見込む。", p, mday(day), t, a, 2 + (unsigned)foldrng_below(r, 40));
	return 1;
}

static int
news_de(uint64_t *r, struct secondtext_story *s)
{
	const char *town = PICK(r, de_towns), *t = PICK(r, de_things), *a = PICK(r, de_acts);

	if (foldrng_chance(r, 30)) {
		const char *last = PICK(r, de_last);

		PUT(identity, "news de bgm %s %s", town, last);
		PUT(title, "Oberbürgermeister %s von %s tritt zurück", last, town);
		PUT(summary, "Der Oberbürgermeister von %s, %s %s, hat am Montag seinen Rücktritt erklärt.", town, PICK(r, de_first), last);
		return 1;
	}
	PUT(identity, "news de %s %s %s", town, t, a);
	PUT(title, "%s in %s %s", t, town, a);
	PUT(summary, "Das %s in %s %s, teilte die Stadtverwaltung mit. Die Kosten liegen bei %u Millionen Euro.", t, town, a, 1 + (unsigned)foldrng_below(r, 30));
	return 1;
}

static int
news_es(uint64_t *r, struct secondtext_story *s)
{
	const char *town = PICK(r, es_towns), *t = PICK(r, es_things), *a = PICK(r, es_acts);

	PUT(identity, "news es %s %s %s", town, t, a);
	PUT(title, "%s de %s %s", t, town, a);
	s->title[0] = (char)(s->title[0] - 32);	/* "la"/"el" capitalised */
	PUT(summary, "El ayuntamiento de %s anunció que %s %s tras una inversión de %u millones de euros.", town, t, a, 1 + (unsigned)foldrng_below(r, 30));
	return 1;
}

static int
news_ko(uint64_t *r, struct secondtext_story *s, int day)
{
	const char *p = PICK(r, ko_places), *t = PICK(r, ko_things), *a = PICK(r, ko_acts);

	PUT(identity, "news ko %s %s %d", p, t, day / 7);
	PUT(title, "%s시 %s %s", p, t, a);
	PUT(summary, "%s시는 %u일 시립 %s의 %s 계획을 발표했다. 사업비는 약 %u억 원이다.", p, mday(day), t, a, 5 + (unsigned)foldrng_below(r, 90));
	return 1;
}

static int
news(int lang, int day, uint64_t *r, struct secondtext_story *s)
{
	switch (lang) {
	case ST_EN: return news_en(r, s, (unsigned)foldrng_below(r, 8), day);
	case ST_JA: return news_ja(r, s, day);
	case ST_DE: return news_de(r, s);
	case ST_ES: return news_es(r, s);
	case ST_KO: return news_ko(r, s, day);
	}
	return 0;
}

/* Ordinary news under the prefixes wire desks use. */
static int
flash(int lang, int day, uint64_t *r, struct secondtext_story *s)
{
	static const char *const en[] = { "Breaking: ", "UPDATE: ", "LIVE: ", "BREAKING: ", "Update 2: " };
	static const char *const de[] = { "Eilmeldung: ", "+++ ", "Liveticker: " };
	static const char *const es[] = { "Última hora: ", "EN DIRECTO: ", "Urgente: " };
	static const char *const ja[] = { "【速報】", "【更新】", "＜速報＞" };
	static const char *const ko[] = { "[속보] ", "[단독] ", "[업데이트] " };
	char body[ST_TITLE_MAX];
	const char *pre;

	if (!news(lang, day, r, s)) {
		return 0;
	}
	pre = lang == ST_EN ? PICK(r, en) : lang == ST_DE ? PICK(r, de) :
	      lang == ST_ES ? PICK(r, es) : lang == ST_JA ? PICK(r, ja) : PICK(r, ko);
	memcpy(body, s->title, sizeof(body));
	put(s->title, sizeof(s->title), "%s%s", pre, body);
	if (s->alt[0] != '\0') {
		memcpy(body, s->alt, sizeof(body));
		put(s->alt, sizeof(s->alt), "%s%s", pre, body);
	}
	return 1;
}

static int
earnings(int lang, int day, uint64_t *r, struct secondtext_story *s)
{
	unsigned pct = 1 + (unsigned)foldrng_below(r, 40), rev = 100 + (unsigned)foldrng_below(r, 900);
	int beat = foldrng_chance(r, 60);

	(void)day;
	switch (lang) {
	case ST_EN: {
		const char *f = PICK(r, en_firms), *k = PICK(r, en_firm_kinds);

		PUT(identity, "earn en %s %s", f, k);
		if (beat) {
			PUT(title, "Quarterly results: %s %s beats estimates", f, k);
		} else {
			PUT(title, "Quarterly results: %s %s misses estimates", f, k);
		}
		PUT(summary, "%s %s reported fourth-quarter revenue of $%u million, %s %u%% from a year earlier, and earnings per share of $%u.%02u.",
		    f, k, rev, beat ? "up" : "down", pct, pct % 4, (unsigned)foldrng_below(r, 100));
		return 1;
	}
	case ST_JA: {
		const char *f = PICK(r, ja_firms);

		PUT(identity, "earn ja %s", f);
		PUT(title, "%s、4～12月期の純利益%u%%%s", f, pct, beat ? "増" : "減");
		PUT(summary, "%sが発表した2026年4～12月期連結決算は、純利益が前年同期比%u%%%sの%u億円だった。", f, pct, beat ? "増" : "減", rev);
		return 1;
	}
	case ST_DE: {
		const char *f = PICK(r, de_firms);

		PUT(identity, "earn de %s", f);
		PUT(title, "Quartalszahlen: %s %s die Erwartungen", f, beat ? "übertrifft" : "verfehlt");
		PUT(summary, "%s hat im vierten Quartal einen Umsatz von %u Millionen Euro erzielt, %u Prozent %s als im Vorjahr.", f, rev, pct, beat ? "mehr" : "weniger");
		return 1;
	}
	case ST_ES: {
		const char *f = PICK(r, es_firms);

		PUT(identity, "earn es %s", f);
		PUT(title, "%s %s un %u%% su beneficio en 2026", f, beat ? "eleva" : "reduce", pct);
		PUT(summary, "%s obtuvo un beneficio neto de %u millones de euros en 2026, un %u%% %s que el año anterior.", f, rev, pct, beat ? "más" : "menos");
		return 1;
	}
	}
	return 0;
}

static int
obituary(int lang, int day, uint64_t *r, struct secondtext_story *s)
{
	unsigned age = 60 + (unsigned)foldrng_below(r, 40);

	(void)day;
	switch (lang) {
	case ST_EN: {
		const char *f = PICK(r, en_first), *l = PICK(r, en_last);
		static const char *const roles[] = { "actor", "novelist", "former mayor", "jazz pianist", "football coach", "architect" };
		const char *role = PICK(r, roles);

		PUT(identity, "obit en %s %s", f, l);
		PUT(title, "Obituary: %s %s, %s, dies at %u", f, l, role, age);
		PUT(summary, "%s %s, the %s who grew up in %s, has died at the age of %u, the family said.", f, l, role, PICK(r, en_towns), age);
		return 1;
	}
	case ST_JA: {
		const char *n = PICK(r, ja_names), *g = PICK(r, ja_given);
		static const char *const roles[] = { "俳優", "作家", "元市長", "漫画家", "建築家", "元プロ野球選手" };
		const char *role = PICK(r, roles);

		PUT(identity, "obit ja %s%s", n, g);
		PUT(title, "訃報 %s%sさん %u歳 %s", n, g, age, role);
		PUT(summary, "%sの%s%sさんが%u日、病気のため死去した。%u歳だった。", role, n, g, mday(day), age);
		return 1;
	}
	case ST_DE: {
		const char *f = PICK(r, de_first), *l = PICK(r, de_last);

		PUT(identity, "obit de %s %s", f, l);
		PUT(title, "Nachruf: %s %s ist mit %u Jahren gestorben", f, l, age);
		PUT(summary, "Die frühere Landrätin %s %s aus %s ist tot. Sie wurde %u Jahre alt.", f, l, PICK(r, de_towns), age);
		return 1;
	}
	case ST_ES: {
		const char *f = PICK(r, es_first), *l = PICK(r, es_last);

		PUT(identity, "obit es %s %s", f, l);
		PUT(title, "Muere %s %s a los %u años", f, l, age);
		PUT(summary, "%s %s, figura clave de la cultura de %s, ha fallecido a los %u años, según informó su familia.", f, l, PICK(r, es_towns), age);
		return 1;
	}
	case ST_KO: {
		const char *n = PICK(r, ko_names);

		PUT(identity, "obit ko %s", n);
		PUT(title, "[부고] %s 전 %s시장 별세, 향년 %u세", n, PICK(r, ko_places), age);
		PUT(summary, "%s 전 시장이 %u일 숙환으로 별세했다. 향년 %u세.", n, mday(day), age);
		return 1;
	}
	}
	return 0;
}

/* Results per district on two election days (days 10 and 24). */
static int
election(int lang, int day, uint64_t *r, struct secondtext_story *s)
{
	unsigned d = 1 + (unsigned)foldrng_below(r, 60);
	unsigned p = 400 + (unsigned)foldrng_below(r, 300);
	int round = day >= 17;

	switch (lang) {
	case ST_EN: {
		const char *a = PICK(r, en_last), *b = PICK(r, en_last);

		if (a == b) {
			return 0;
		}
		PUT(identity, "elec en %u %d", d, round);
		PUT(title, "District %u results: %s %u.%u%%, %s %u.%u%%", d, a, p / 10, p % 10, b, (1000 - p) / 10, (1000 - p) % 10);
		PUT(summary, "%s (%s) won District %u with %u.%u%% of the vote against %s, with turnout at %u%%.",
		    a, PICK(r, en_parties), d, p / 10, p % 10, b, 30 + d % 40);
		return 1;
	}
	case ST_DE: {
		const char *pa = PICK(r, de_parties);

		PUT(identity, "elec de %u %d", d, round);
		PUT(title, "Wahlkreis %u: %s holt %u,%u Prozent", d, pa, p / 20, p % 10);
		PUT(summary, "Im Wahlkreis %u kommt die %s nach Auszählung aller Stimmen auf %u,%u Prozent, die Wahlbeteiligung lag bei %u Prozent.",
		    d, pa, p / 20, p % 10, 40 + d % 30);
		return 1;
	}
	case ST_ES: {
		const char *t = PICK(r, es_towns);

		PUT(identity, "elec es %s %d", t, round);
		PUT(title, "Elecciones en %s: el %s gana con el %u,%u%% de los votos", t, foldrng_chance(r, 50) ? "PP" : "PSOE", p / 10, p % 10);
		PUT(summary, "Con el 100%% escrutado en %s, la lista ganadora obtiene el %u,%u%% y %u concejales.", t, p / 10, p % 10, 5 + d % 12);
		return 1;
	}
	case ST_JA: {
		const char *pl = PICK(r, ja_places), *n = PICK(r, ja_names);

		PUT(identity, "elec ja %s %d", pl, round);
		PUT(title, "%s市長選 %s氏が初当選 得票率%u.%u%%", pl, n, p / 10, p % 10);
		PUT(summary, "任期満了に伴う%s市長選は%u日投開票され、新人の%s氏が初当選した。投票率は%u%%だった。", pl, mday(day), n, 30 + d % 30);
		return 1;
	}
	case ST_KO: {
		const char *pl = PICK(r, ko_places), *n = PICK(r, ko_names);

		PUT(identity, "elec ko %s %d", pl, round);
		PUT(title, "%s 제%u선거구 %s 후보 당선, 득표율 %u.%u%%", pl, d % 9 + 1, n, p / 10, p % 10);
		PUT(summary, "%s 제%u선거구에서 %s 후보가 %u.%u%%를 얻어 당선됐다.", pl, d % 9 + 1, n, p / 10, p % 10);
		return 1;
	}
	}
	return 0;
}

/* Numbered series: a part a week, each part its own story. */
static int
column(int lang, int day, uint64_t *r, struct secondtext_story *s)
{
	static const char *const en[] = {
		"The long road home", "Notes from the allotment", "Money matters",
		"Kitchen table", "The night shift", "On the buses",
	};
	static const char *const de[] = { "Kolumne: Unter uns", "Gartenzeit", "Das Rezept der Woche", "Kopfsache" };
	static const char *const es[] = { "Columna: Desde mi balcón", "La receta de la semana", "Crónicas del barrio" };
	unsigned part = 1 + (unsigned)day / 7 + 4 * (unsigned)foldrng_below(r, 2);

	switch (lang) {
	case ST_EN: {
		const char *c = PICK(r, en);

		PUT(identity, "col en %s %u", c, part);
		PUT(title, "Column: %s (Part %u)", c, part);
		PUT(summary, "%s, part %u: %s %s looks at %s.", c, part, PICK(r, en_first), PICK(r, en_last),
		    foldrng_chance(r, 50) ? "what a winter does to a town" : "the week's small victories");
		return 1;
	}
	case ST_DE: {
		const char *c = PICK(r, de);

		PUT(identity, "col de %s %u", c, part);
		PUT(title, "%s (Folge %u)", c, part);
		PUT(summary, "In Folge %u schreibt %s %s über %s.", part, PICK(r, de_first), PICK(r, de_last), PICK(r, de_things));
		return 1;
	}
	case ST_ES: {
		const char *c = PICK(r, es);

		PUT(identity, "col es %s %u", c, part);
		PUT(title, "%s (parte %u)", c, part);
		PUT(summary, "En la entrega %u, %s %s escribe sobre %s.", part, PICK(r, es_first), PICK(r, es_last), PICK(r, es_things));
		return 1;
	}
	case ST_JA: {
		const char *c = PICK(r, ja_series);
		char n[32];

		fullwidth_number(part, n, sizeof(n));
		PUT(identity, "col ja %s %u", c, part);
		PUT(title, "連載「%s」（%s）", c, n);
		PUT(summary, "連載「%s」の第%u回。今回は%sの%sを訪ねた。", c, part, PICK(r, ja_places), PICK(r, ja_things));
		return 1;
	}
	}
	return 0;
}

/* A match report in the forms outlets write it, with a preview. */
static int
score(int lang, int day, uint64_t *r, struct secondtext_story *s)
{
	const char *const *teams = lang == ST_EN ? en_teams : lang == ST_DE ? de_teams :
	                           lang == ST_ES ? es_teams : lang == ST_JA ? ja_teams : ko_teams;
	size_t nt = lang == ST_EN ? N(en_teams) : lang == ST_DE ? N(de_teams) :
	            lang == ST_ES ? N(es_teams) : lang == ST_JA ? N(ja_teams) : N(ko_teams);
	const char *a = teams[foldrng_below(r, nt)], *b = teams[foldrng_below(r, nt)];
	unsigned x = (unsigned)foldrng_below(r, 5), y = (unsigned)foldrng_below(r, 4);

	if (a == b) {
		return 0;
	}
	PUT(identity, "score %d %s %s", lang, a < b ? a : b, a < b ? b : a);
	switch (lang) {
	case ST_EN:
		PUT(title, "%s %u-%u %s", a, x, y, b);
		PUT(alt, "%s v %s: %u-%u", a, b, x, y);
		PUT(preview, "Preview: %s vs %s", a, b);
		PUT(summary, "%s beat %s %u-%u at home on %s, with the winner coming in the %uth minute.", x > y ? a : b, x > y ? b : a,
		    x > y ? x : y, x > y ? y : x, weekdays_en[day % 7], 50 + (unsigned)foldrng_below(r, 40));
		if (x == y) {
			PUT(summary, "%s and %s drew %u-%u on %s.", a, b, x, y, weekdays_en[day % 7]);
		}
		PUT(preview_summary, "%s host %s on %s looking for a third straight win. Team news and predicted line-ups.", a, b, weekdays_en[day % 7]);
		return 1;
	case ST_DE:
		PUT(title, "%s - %s %u:%u", a, b, x, y);
		PUT(alt, "%s gegen %s endet %u:%u", a, b, x, y);
		PUT(preview, "Vorbericht: %s gegen %s", a, b);
		PUT(summary, "Im Spiel zwischen %s und %s fiel die Entscheidung erst in der Schlussphase, Endstand %u:%u.", a, b, x, y);
		PUT(preview_summary, "%s empfängt am %s %s. Alle Infos zum Spiel.", a, weekdays_de[day % 7], b);
		return 1;
	case ST_ES:
		PUT(title, "%s %u-%u %s", a, x, y, b);
		PUT(alt, "%s-%s (%u-%u): crónica del partido", a, b, x, y);
		PUT(preview, "Previa del %s vs %s", a, b);
		PUT(summary, "El %s y el %s firmaron un %u-%u en un partido intenso disputado el %s.", a, b, x, y, weekdays_es[day % 7]);
		PUT(preview_summary, "El %s recibe al %s este %s. Alineaciones probables y horario.", a, b, weekdays_es[day % 7]);
		return 1;
	case ST_JA:
		PUT(title, "%s %u-%u %s", a, x, y, b);
		PUT(alt, "%s対%s、%u対%u", a, b, x, y);
		PUT(preview, "%s対%s 見どころ", a, b);
		PUT(summary, "%u日に行われた試合は%sと%sが対戦し、%u対%uで終了した。", mday(day), a, b, x, y);
		PUT(preview_summary, "%u日の%s対%s戦の見どころを紹介する。", mday(day), a, b);
		return 1;
	case ST_KO:
		PUT(title, "%s %u-%u %s", a, x, y, b);
		PUT(alt, "%s vs %s, %u대%u", a, b, x, y);
		PUT(preview, "[프리뷰] %s vs %s", a, b);
		PUT(summary, "%s와 %s의 경기는 %u대%u로 끝났다. 결승골은 후반에 나왔다.", a, b, x, y);
		PUT(preview_summary, "%s가 %s를 홈으로 불러들인다. 예상 라인업과 관전 포인트.", a, b);
		return 1;
	}
	return 0;
}

static int
ticker(int lang, int day, uint64_t *r, struct secondtext_story *s)
{
	unsigned pct = 3 + (unsigned)foldrng_below(r, 90), price = 40 + (unsigned)foldrng_below(r, 900);
	int up = foldrng_chance(r, 55);

	if (day % 7 >= 5) {
		return 0;	/* markets are shut at weekends */
	}
	switch (lang) {
	case ST_EN: {
		const char *t = PICK(r, en_tickers);

		PUT(identity, "tick en %s %d", t, day);
		PUT(title, "%s %s %u.%u%% to $%u.%02u", t, up ? "rises" : "falls", pct / 10, pct % 10, price, (unsigned)foldrng_below(r, 100));
		PUT(summary, "Shares of %s %s %u.%u%% in %s trading after %s.", t, up ? "gained" : "lost", pct / 10, pct % 10,
		    foldrng_chance(r, 50) ? "morning" : "afternoon", up ? "an analyst upgrade" : "a weak forecast");
		return 1;
	}
	case ST_DE: {
		static const char *const dax[] = { "SAP", "BASF", "RWE", "DHL", "BMW", "Bayer", "Siemens", "Merck" };
		const char *t = PICK(r, dax);

		PUT(identity, "tick de %s %d", t, day);
		PUT(title, "%s-Aktie %s um %u,%u Prozent", t, up ? "steigt" : "fällt", pct / 10, pct % 10);
		PUT(summary, "Die Aktie von %s %s im Xetra-Handel um %u,%u Prozent auf %u Euro.", t, up ? "legte" : "verlor", pct / 10, pct % 10, price);
		return 1;
	}
	case ST_JA: {
		const char *f = PICK(r, ja_firms);

		PUT(identity, "tick ja %s %d", f, day);
		PUT(title, "%s株が%u%%%s 終値%u円", f, pct / 10 + 1, up ? "高" : "安", price * 10);
		PUT(summary, "%u日の東京株式市場で%sの株価が前日比%u%%%sの%u円で取引を終えた。", mday(day), f, pct / 10 + 1, up ? "高" : "安", price * 10);
		return 1;
	}
	}
	return 0;
}

static int
quake(int lang, int day, uint64_t *r, struct secondtext_story *s)
{
	unsigned m = 25 + (unsigned)foldrng_below(r, 40), km = 2 + (unsigned)foldrng_below(r, 80);
	unsigned depth = 5 + (unsigned)foldrng_below(r, 60), hh = (unsigned)foldrng_below(r, 24), mm = (unsigned)foldrng_below(r, 60);

	switch (lang) {
	case ST_EN: {
		const char *dir = PICK(r, en_compass), *town = PICK(r, en_towns);

		PUT(identity, "quake en %u %u %s %s", m, km, dir, town);
		PUT(title, "M%u.%u - %u km %s of %s", m / 10, m % 10, km, dir, town);
		PUT(summary, "A magnitude %u.%u earthquake struck %u km %s of %s at %02u:%02u UTC at a depth of %u km.",
		    m / 10, m % 10, km, dir, town, hh, mm, depth);
		return 1;
	}
	case ST_JA: {
		const char *reg = PICK(r, ja_regions);
		unsigned shindo = 1 + m / 12;

		PUT(identity, "quake ja %s %u %d %u", reg, m, day, hh);
		PUT(title, "%sで震度%uの地震 M%u.%u", reg, shindo, m / 10, m % 10);
		PUT(summary, "%u日%u時%u分ごろ、%sを震源とする地震があり、最大震度%uを観測した。震源の深さは約%uキロ。",
		    mday(day), hh, mm, reg, shindo, depth);
		return 1;
	}
	case ST_ES: {
		const char *town = PICK(r, es_towns);

		PUT(identity, "quake es %s %u %d", town, m, day);
		PUT(title, "Un terremoto de magnitud %u,%u sacude %s", m / 10, m % 10, town);
		PUT(summary, "El Instituto Geográfico registró a las %02u:%02u un seísmo de magnitud %u,%u a %u km de %s.", hh, mm, m / 10, m % 10, km, town);
		return 1;
	}
	case ST_KO: {
		const char *p = PICK(r, ko_places);

		PUT(identity, "quake ko %s %u %d", p, m, day);
		PUT(title, "%s 인근 규모 %u.%u 지진 발생", p, m / 10, m % 10);
		PUT(summary, "기상청은 %u일 %u시 %u분쯤 %s 남쪽 %ukm 지역에서 규모 %u.%u의 지진이 발생했다고 밝혔다.", mday(day), hh, mm, p, km, m / 10, m % 10);
		return 1;
	}
	}
	return 0;
}

/* Releases under the one title every company gives them. */
static int
press(int lang, int day, uint64_t *r, struct secondtext_story *s)
{
	static const char *const en_titles[] = {
		"Company announces quarterly dividend", "Notice of annual general meeting",
		"Board changes announced", "Trading update",
	};
	unsigned k = (unsigned)foldrng_below(r, N(en_titles));
	unsigned cents = 5 + (unsigned)foldrng_below(r, 80);

	(void)day;
	switch (lang) {
	case ST_EN: {
		const char *f = PICK(r, en_firms), *kind = PICK(r, en_firm_kinds);

		PUT(identity, "press en %s %s %u", f, kind, k);
		PUT(title, "%s", en_titles[k]);
		PUT(summary, "FOR IMMEDIATE RELEASE. %s %s (NYSE: %c%c%c) today announced that %s. About %s %s: founded in %u, the company employs %u people.",
		    f, kind, f[0], f[1] - 32, kind[0], k == 0 ? "its board declared a dividend of $0.42 per share" :
		    k == 1 ? "its annual meeting will be held on 12 March" : k == 2 ? "its chief financial officer will retire" :
		    "full-year sales will be in line with guidance", f, kind, 1950 + cents, cents * 100);
		return 1;
	}
	case ST_DE: {
		const char *f = PICK(r, de_firms);

		PUT(identity, "press de %s %u", f, k % 2);
		PUT(title, "%s", k % 2 ? "Pressemitteilung: Einladung zur Hauptversammlung" : "Ad-hoc-Mitteilung gemäß Art. 17 MAR");
		PUT(summary, "%s teilt mit, dass %s. Über %s: Das Unternehmen beschäftigt %u Mitarbeiter.", f,
		    k % 2 ? "die Hauptversammlung am 20. Mai stattfindet" : "der Vorstand die Prognose anpasst", f, cents * 50);
		return 1;
	}
	case ST_JA: {
		const char *f = PICK(r, ja_firms);

		PUT(identity, "press ja %s %u", f, k % 2);
		PUT(title, "%s", k % 2 ? "お知らせ" : "人事異動のお知らせ");
		PUT(summary, "%sは、%s。詳細は当社ウェブサイトをご覧ください。", f,
		    k % 2 ? "本社を移転することを決定しました" : "4月1日付で役員の異動を行います");
		return 1;
	}
	}
	return 0;
}

/* Dated notices in CJK titles: a place, a date, a number. */
static int
notice(int lang, int day, uint64_t *r, struct secondtext_story *s)
{
	unsigned d = (unsigned)mday(day), n = 1 + (unsigned)foldrng_below(r, 30);
	char fd[32];

	fullwidth_number(d, fd, sizeof(fd));
	switch (lang) {
	case ST_JA: {
		const char *p = PICK(r, ja_places);
		static const char *const what[] = { "断水", "停電", "通行止め", "ごみ収集日の変更", "臨時休館" };
		const char *w = PICK(r, what);

		PUT(identity, "notice ja %s %s %d", p, w, day);
		PUT(title, "【お知らせ】%s市 1月%s日 %s", p, fd, w);
		PUT(summary, "%s市は1月%u日（%s）の午前%u時から%sを実施します。対象はおよそ%u00世帯です。", p, d, weekdays_ja[day % 7],
		    8 + (unsigned)foldrng_below(r, 4), w, n * 7 + (unsigned)foldrng_below(r, 7));
		return 1;
	}
	case ST_KO: {
		const char *p = PICK(r, ko_places);
		static const char *const what[] = { "단수 안내", "정전 안내", "도로 통제", "미세먼지 주의보" };
		const char *w = PICK(r, what);

		PUT(identity, "notice ko %s %s %d", p, w, day);
		PUT(title, "%s 1월 %u일(%s) %s", p, d, weekdays_ko[day % 7], w);
		PUT(summary, "%s시는 1월 %u일 오전 %u시부터 %s 지역 약 %u00가구를 대상으로 %s를 실시한다.", p, d,
		    8 + (unsigned)foldrng_below(r, 4), p, n * 7 + (unsigned)foldrng_below(r, 7), w);
		return 1;
	}
	}
	return 0;
}

/* Emoji, shouting and entities the parser left in. */
static int
loud(int lang, int day, uint64_t *r, struct secondtext_story *s)
{
	const char *town = PICK(r, en_towns);
	static const char *const animals[] = { "dog", "cat", "horse", "swan", "goat", "parrot" };
	static const char *const places[] = { "frozen lake", "storm drain", "quarry", "river bank", "roof", "motorway verge" };
	const char *an = PICK(r, animals), *pl = PICK(r, places);

	(void)day;
	if (lang == ST_ES) {
		const char *t = PICK(r, es_towns);

		PUT(identity, "loud es %s", t);
		PUT(title, "🚨 VÍDEO: Rescatan a un %s en %s", an, t);
		PUT(summary, "Los bomberos de %s rescataron el %s a un animal atrapado durante horas.", t, weekdays_es[day % 7]);
		return 1;
	}
	if (lang != ST_EN) {
		return 0;
	}
	switch (foldrng_below(r, 3)) {
	case 0:
		PUT(identity, "loud en watch %s", town);
		PUT(title, "🔥 WATCH: %s firefighters rescue %s from %s", town, an, pl);
		PUT(summary, "Crews from %s spent two hours freeing a %s stuck on a %s on %s.", town, an, pl, weekdays_en[day % 7]);
		return 1;
	case 1: {
		static const char *const votes[] = { "CLOSE LIBRARY", "SELL TOWN HALL", "BAN FIREWORKS", "SCRAP PARKING FEES", "BUILD NEW POOL" };
		const char *v = PICK(r, votes);
		char up[64];
		size_t i;

		for (i = 0; town[i] != '\0' && i + 1 < sizeof(up); i++) {
			up[i] = (char)(town[i] >= 'a' && town[i] <= 'z' ? town[i] - 32 : town[i]);
		}
		up[i] = '\0';
		PUT(identity, "loud en caps %s", town);
		PUT(title, "%s COUNCIL VOTES TO %s", up, v);
		PUT(summary, "Councillors in %s voted on %s to %s after a public consultation.", town, weekdays_en[day % 7],
		    v[0] == 'C' ? "close the library" : v[0] == 'S' ? "change course" : "go ahead");
		return 1;
	}
	default: {
		const char *f = PICK(r, en_first), *l = PICK(r, en_last);

		PUT(identity, "loud en qa %s %s", f, l);
		PUT(title, "Q&amp;A: %s %s on %s&#8217;s budget &amp; taxes", f, l, town);
		PUT(summary, "We asked %s %s, finance chief of %s, about the budget and council tax.", f, l, town);
		return 1;
	}
	}
}

typedef int (*family_fn)(int lang, int day, uint64_t *r, struct secondtext_story *s);

static const family_fn families[SG_NFAMILIES] = {
	[SG_LOTTERY] = lottery, [SG_TRAFFIC] = traffic, [SG_FLASH] = flash,
	[SG_EARNINGS] = earnings, [SG_OBITUARY] = obituary, [SG_ELECTION] = election,
	[SG_COLUMN] = column, [SG_SCORE] = score, [SG_TICKER] = ticker,
	[SG_QUAKE] = quake, [SG_PRESS] = press, [SG_NOTICE] = notice,
	[SG_LOUD] = loud, [SG_NEWS] = news,
};

int
secondtext_has(int family, int lang)
{
	struct secondtext_story s;
	uint64_t r = 7;
	int day;

	for (day = 0; day < 7; day++) {
		if (secondtext_story(family, lang, day, &r, &s)) {
			return 1;
		}
	}
	return 0;
}

int
secondtext_story(int family, int lang, int day, uint64_t *rng,
                 struct secondtext_story *out)
{
	memset(out, 0, sizeof(*out));
	if (family < 0 || family >= SG_NFAMILIES) {
		return 0;
	}
	if (family == SG_ELECTION) {
		day = day < 14 ? 10 : 24;	/* results come out on election night */
	}
	return families[family](lang, day, rng, out);
}

/* ---- Swapped words -------------------------------------------------- */

static const char *const swaps[][2] = {
	{ "approves", "backs" }, { "after heated debate", "after long debate" },
	{ "investigate", "probe" }, { "cut", "axe" }, { "resigns", "quits" },
	{ "reopens", "opens again" }, { "rises", "climbs" }, { "falls", "drops" },
	{ "recalls", "pulls" }, { "beats", "tops" }, { "misses", "lags" },
	{ "rescue", "save" }, { "dies", "has died" }, { "closure", "shutdown" },
	{ "tritt zurück", "gibt Amt auf" }, { "Stau", "Rückstau" },
	{ "gestorben", "verstorben" }, { "reabre", "vuelve a abrir" },
	{ "Retenciones", "Atascos" }, { "sacude", "golpea" }, { "Muere", "Fallece" },
	{ "渋滞", "混雑" }, { "決定", "決める" }, { "재개관", "다시 문 열어" },
	{ "정체", "지체" },
};

int
secondtext_swap_word(const char *title, int lang, uint64_t *rng, char *out)
{
	size_t k, start = (size_t)foldrng_below(rng, N(swaps));

	(void)lang;
	for (k = 0; k < N(swaps); k++) {
		const char *const *sw = swaps[(start + k) % N(swaps)];
		const char *at = strstr(title, sw[0]);

		if (at != NULL) {
			put(out, ST_TITLE_MAX, "%.*s%s%s", (int)(at - title), title, sw[1], at + strlen(sw[0]));
			return 1;
		}
	}
	return 0;
}
