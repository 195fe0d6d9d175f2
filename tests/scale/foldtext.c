/*
 * Titles and summaries for the scale archive. Every story is a pattern
 * from a family's table with its slots ({L} a place, {P} a person, ...)
 * filled from vocabularies of invented names; the same pattern with other
 * slots is another story, which is what makes template families hard to
 * fold. Facts that outlets would agree on (the weather in one city on one
 * day) come from a hash of the slot, not from the outlet's draw.
 */
#include "autoconfig.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "tests/scale/foldrng.h"
#include "tests/scale/foldtext.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define PICK(rng, list) ((list)[foldrng_below((rng), COUNT(list))])
#define SLOT_MAX 160

/* A bounded writer: text past cap is dropped, never overflowing. */
struct text {
	char *p;
	size_t len, cap;
};

static void
text_init(struct text *t, char *buf, size_t cap)
{
	t->p = buf;
	t->len = 0;
	t->cap = cap;
	buf[0] = '\0';
}

static void
text_put(struct text *t, const char *s, size_t n)
{
	if (t->len + n >= t->cap) {
		n = t->cap - 1 - t->len;
	}
	memcpy(t->p + t->len, s, n);
	t->len += n;
	t->p[t->len] = '\0';
}

/* Slot values by letter: {A}..{Z}, {a}..{z}. */
struct slots {
	char v[52][SLOT_MAX];
};

static char *
slot(struct slots *s, char letter)
{
	return s->v[letter >= 'a' ? 26 + letter - 'a' : letter - 'A'];
}

static void
slot_set(struct slots *s, char letter, const char *value)
{
	snprintf(slot(s, letter), SLOT_MAX, "%s", value);
}

static void
slot_fmt(struct slots *s, char letter, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
slot_fmt(struct slots *s, char letter, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(slot(s, letter), SLOT_MAX, fmt, ap);
	va_end(ap);
}

/* Appends pattern with each {x} replaced by slot x. */
static void
text_expand(struct text *t, const char *pattern, struct slots *s)
{
	const char *p = pattern, *open;

	while ((open = strchr(p, '{')) != NULL && open[1] != '\0' && open[2] == '}') {
		text_put(t, p, (size_t)(open - p));
		text_put(t, slot(s, open[1]), strlen(slot(s, open[1])));
		p = open + 3;
	}
	text_put(t, p, strlen(p));
}

/* ---- names ---------------------------------------------------------- */

static const char *const en_first[] = {
	"Ada", "Bram", "Cora", "Dario", "Edda", "Felix", "Greta", "Hal",
	"Ines", "Jonah", "Kit", "Lena", "Milo", "Nell", "Oren", "Pia",
	"Quinn", "Rosa", "Silas", "Tove", "Ugo", "Vera", "Wade", "Xenia",
	"Yara", "Zeb", "Alma", "Bastian", "Clem", "Delphine", "Emrys", "Fen",
	"Gideon", "Hester", "Ilya", "Juno", "Kasimir", "Liesl", "Magnus", "Nuala",
};
static const char *const en_last[] = {
	"Varnholt", "Quillane", "Ashdown", "Brimley", "Castellane", "Dunmore",
	"Everleigh", "Fairbrook", "Gorrister", "Hollins", "Ibbotson", "Jessop",
	"Lathom", "Marchbanks", "Netherby", "Oakridge", "Pellow", "Quarrie",
	"Rendlesham", "Saltonstall", "Threlkeld", "Underhay", "Vosper",
	"Whitlock", "Yardley", "Zouche", "Abernathy", "Bellweather", "Carrow",
	"Delacourt", "Elphick", "Fenwright", "Garside", "Hebblethwaite",
	"Inchley", "Jolliffe", "Kinnear", "Lovibond", "Mossop", "Nettlefold",
	"Orrell", "Pargeter", "Rudyard", "Sowerby", "Tremlett", "Upjohn",
	"Venning", "Wadsworth", "Yeoland", "Quennell",
};
static const char *const ja_sei[] = {
	"佐伯", "宮坂", "矢野", "川端", "新井", "小田切", "野々村", "柏木",
	"榊原", "早瀬", "乙部", "真壁", "桐生", "藤代", "三国", "鳴海",
	"星野", "奥寺", "葉山", "篠原", "久我", "白石", "相馬", "園部",
	"辰巳", "能登", "日高", "若狭", "結城", "湯浅",
};
static const char *const ja_mei[] = {
	"健太", "美咲", "翔", "陽菜", "大和", "結衣", "蓮", "葵", "悠真",
	"彩花", "颯", "凛", "拓海", "詩織", "直人", "千尋", "航", "真央",
	"修", "遥",
};
static const char *const de_first[] = {
	"Anke", "Bernd", "Carla", "Detlef", "Elke", "Frauke", "Gerd", "Hanna",
	"Ingo", "Jutta", "Karsten", "Lotte", "Malte", "Nele", "Ole", "Petra",
	"Rainer", "Silke", "Till", "Ulla", "Volker", "Wiebke", "Jens",
	"Kerstin", "Torben",
};
static const char *const de_last[] = {
	"Brinkhaus", "Dreesen", "Feddersen", "Gerdes", "Harms", "Ihlenfeld",
	"Jürgensen", "Kötter", "Lüdeke", "Mahnke", "Nissen", "Ottersberg",
	"Pröhl", "Quast", "Reimers", "Sievers", "Thiessen", "Uhlhorn",
	"Vollmers", "Wittkopf", "Ahlers", "Bötel", "Carstens", "Dierks",
	"Eggers", "Fock", "Grotjahn", "Hinrichs", "Iwersen", "Janßen",
};

static const char *const en_place_a[] = {
	"Brack", "Salt", "Harrow", "Kestrel", "Wick", "Osten", "Marl", "Dun",
	"Ferr", "Glen", "Ashen", "Thorn", "Crag", "Elm", "Lyn", "Pen",
	"Rother", "Stan", "Tarn", "Wold", "Hollin", "Mere", "Brant", "Cold",
	"Fen", "Hazel", "Kirk", "Lang", "Moss", "Nether",
};
static const char *const en_place_b[] = {
	"mere", "by", "ford", "ham", "wick", "ton", "field", "bridge",
	"haven", "stead", "moor", "port", "well", "gate", "combe", "dale",
};
static const char *const ja_place_a[] = {
	"北", "南", "東", "西", "新", "大", "小", "高", "浜", "湊",
	"桜", "松", "若", "青", "白", "赤", "朝", "夕", "霧", "星",
};
static const char *const ja_place_b[] = {
	"川", "野", "原", "崎", "沢", "島", "山", "田", "浦", "丘",
};
static const char *const de_place_a[] = {
	"Elb", "Nord", "Moor", "Heid", "Lind", "Buch", "Eich", "Wald",
	"Stein", "Ros", "Wolf", "Fal", "Bram", "Kirch", "Ost", "Wester",
	"Sand", "Mühl", "Sturm", "Hasel",
};
static const char *const de_place_b[] = {
	"tal", "hausen", "stedt", "büttel", "dorf", "hagen", "felde", "burg",
	"heide", "brück", "au", "beck",
};

static const char *const en_company_a[] = {
	"Northwind", "Brightwater", "Silverline", "Greyfield", "Bluestone",
	"Redcliff", "Hartwell", "Oakmont", "Larkspur", "Ironbridge",
	"Clearwater", "Goldcrest", "Westmarch", "Eastbrook", "Highmoor",
	"Stonegate", "Fairhaven", "Copperleaf", "Amberley", "Blackthorn",
	"Cresthill", "Dovecote", "Elmstead", "Foxglove", "Hollybank",
	"Ivywood", "Juniper", "Kingsmere", "Lindenfold", "Marrowby",
};
static const char *const en_company_b[] = {
	"Rail", "Energy", "Foods", "Pharma", "Bank", "Motors", "Telecom",
	"Steel", "Airways", "Retail", "Insurance", "Water", "Logistics",
	"Chemicals", "Shipping", "Media",
};
static const char *const ja_company_b[] = {
	"製薬", "電機", "食品", "重工", "銀行", "化学", "建設", "商事",
	"自動車", "鉄道", "電力", "海運", "通信", "証券", "精工",
};
static const char *const de_company_a[] = {
	"Hansen", "Nordlicht", "Lindner", "Brückner", "Ahrens", "Falkner",
	"Sturmfels", "Weidemann", "Kranich", "Ostwind", "Eisvogel",
	"Seehafen", "Bergmann", "Lichtblick", "Heidekraut",
};
static const char *const de_company_b[] = {
	"Chemie", "Werke", "Bank", "Versicherung", "Logistik", "Energie",
	"Bau", "Pharma", "Motoren", "Textil", "Reederei", "Telekom",
};

#define EN_PLACES (COUNT(en_place_a) * COUNT(en_place_b))
#define JA_PLACES (COUNT(ja_place_a) * COUNT(ja_place_b))
#define DE_PLACES (COUNT(de_place_a) * COUNT(de_place_b))

static size_t
places_in(enum foldtext_lang lang)
{
	return lang == FOLDTEXT_EN ? EN_PLACES : lang == FOLDTEXT_JA ? JA_PLACES
	       : DE_PLACES;
}

/* Place number i of the language's places (i below places_in()). */
static void
place_name(enum foldtext_lang lang, size_t i, char *out, size_t cap)
{
	if (lang == FOLDTEXT_EN) {
		snprintf(out, cap, "%s%s", en_place_a[i % COUNT(en_place_a)],
		         en_place_b[i / COUNT(en_place_a) % COUNT(en_place_b)]);
	} else if (lang == FOLDTEXT_JA) {
		snprintf(out, cap, "%s%s", ja_place_a[i % COUNT(ja_place_a)],
		         ja_place_b[i / COUNT(ja_place_a) % COUNT(ja_place_b)]);
	} else {
		snprintf(out, cap, "%s%s", de_place_a[i % COUNT(de_place_a)],
		         de_place_b[i / COUNT(de_place_a) % COUNT(de_place_b)]);
	}
}

static void
person_name(enum foldtext_lang lang, uint64_t *rng, char *out, size_t cap)
{
	if (lang == FOLDTEXT_EN) {
		snprintf(out, cap, "%s %s", PICK(rng, en_first), PICK(rng, en_last));
	} else if (lang == FOLDTEXT_JA) {
		snprintf(out, cap, "%s%s", PICK(rng, ja_sei), PICK(rng, ja_mei));
	} else {
		snprintf(out, cap, "%s %s", PICK(rng, de_first), PICK(rng, de_last));
	}
}

static size_t
companies_in(enum foldtext_lang lang)
{
	return lang == FOLDTEXT_EN ? COUNT(en_company_a) * COUNT(en_company_b)
	       : lang == FOLDTEXT_JA ? COUNT(ja_place_a) * COUNT(ja_company_b)
	       : COUNT(de_company_a) * COUNT(de_company_b);
}

static void
company_name(enum foldtext_lang lang, size_t i, char *out, size_t cap)
{
	if (lang == FOLDTEXT_EN) {
		snprintf(out, cap, "%s %s", en_company_a[i % COUNT(en_company_a)],
		         en_company_b[i / COUNT(en_company_a) % COUNT(en_company_b)]);
	} else if (lang == FOLDTEXT_JA) {
		snprintf(out, cap, "%s%s%s", ja_place_a[i % COUNT(ja_place_a)],
		         ja_place_b[i / 7 % COUNT(ja_place_b)],
		         ja_company_b[i / COUNT(ja_place_a) % COUNT(ja_company_b)]);
	} else {
		snprintf(out, cap, "%s %s", de_company_a[i % COUNT(de_company_a)],
		         de_company_b[i / COUNT(de_company_a) % COUNT(de_company_b)]);
	}
}

/* ---- dates and numbers ---------------------------------------------- */

static const char *const en_weekday[] = {
	"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
};
static const char *const ja_weekday[] = {
	"日曜日", "月曜日", "火曜日", "水曜日", "木曜日", "金曜日", "土曜日",
};
static const char *const de_weekday[] = {
	"Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag",
};
static const char *const en_month[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};
static const char *const de_month[] = {
	"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
	"August", "September", "Oktober", "November", "Dezember",
};

static struct tm
day_of(int64_t day_start)
{
	time_t t = (time_t)day_start;
	struct tm tm;

	gmtime_r(&t, &tm);
	return tm;
}

static const char *
weekday_name(enum foldtext_lang lang, int wday)
{
	return lang == FOLDTEXT_EN ? en_weekday[wday] : lang == FOLDTEXT_JA
	       ? ja_weekday[wday] : de_weekday[wday];
}

/* "3 December", "12月3日", "3. Dezember" */
static void
date_name(enum foldtext_lang lang, int64_t day_start, char *out, size_t cap)
{
	struct tm tm = day_of(day_start);

	if (lang == FOLDTEXT_EN) {
		snprintf(out, cap, "%d %s", tm.tm_mday, en_month[tm.tm_mon]);
	} else if (lang == FOLDTEXT_JA) {
		snprintf(out, cap, "%d月%d日", tm.tm_mon + 1, tm.tm_mday);
	} else {
		snprintf(out, cap, "%d. %s", tm.tm_mday, de_month[tm.tm_mon]);
	}
}

static void
month_name(enum foldtext_lang lang, int month, char *out, size_t cap)
{
	if (lang == FOLDTEXT_JA) {
		snprintf(out, cap, "%d月", month + 1);
	} else {
		snprintf(out, cap, "%s", lang == FOLDTEXT_EN ? en_month[month]
		         : de_month[month]);
	}
}

/* n with thousands separated as the language writes them. */
static void
number_name(enum foldtext_lang lang, unsigned n, char *out, size_t cap)
{
	const char *sep = lang == FOLDTEXT_DE ? "." : ",";

	if (n >= 1000) {
		snprintf(out, cap, "%u%s%03u", n / 1000, sep, n % 1000);
	} else {
		snprintf(out, cap, "%u", n);
	}
}

/* A percentage with one decimal, "0.4" or "0,4". */
static void
tenths_name(enum foldtext_lang lang, unsigned tenths, char *out, size_t cap)
{
	snprintf(out, cap, "%u%s%u", tenths / 10, lang == FOLDTEXT_DE ? "," : ".",
	         tenths % 10);
}

static unsigned
between(uint64_t *rng, unsigned lo, unsigned hi)
{
	return lo + (unsigned)foldrng_below(rng, hi - lo + 1);
}

/* ---- ordinary news -------------------------------------------------- */

/* A news pattern: the title and the lead sentence that tells it. */
struct pattern {
	const char *title, *lead;
};

static const struct pattern en_news[] = {
	{ "{L} council approves {J}",
	  "Councillors in {L} voted {N} to {B} on {W} to approve the {J}, at a cost of £{I} million." },
	{ "{C} to cut {N} jobs at {L} {F}",
	  "{C} said on {W} it would cut {N} jobs at its {F} in {L}, blaming {U}." },
	{ "Fire at {L} {F} forces evacuation of {N} homes",
	  "Firefighters were called to the {F} in {L} at {H} on {W}, and {N} nearby homes were evacuated as a precaution." },
	{ "{P} named new {R} of {C}",
	  "{C} has appointed {P} as its {R}, replacing {Q}, who held the post for {Y} years." },
	{ "{L} {F} to close after {Y} years",
	  "The {F} in {L}, which employs {N} people, will shut in {D}, its owner {C} said on {W}." },
	{ "Police appeal after {E} in {L}",
	  "Officers are asking for witnesses after a {E} on {Z} in {L} at about {H} on {W}." },
	{ "{P} wins {A} for {X}",
	  "{P}, from {L}, received the {A} on {W} for {X}, chosen from {K} entries." },
	{ "Ferry services between {L} and {M} suspended",
	  "{C} suspended sailings between {L} and {M} on {W} after {u}; about {K} passengers are affected." },
	{ "{C} unveils plan for {J} in {L}",
	  "{C} set out proposals on {W} for a {J} in {L}, saying it would create {N} jobs and cost £{I} million." },
	{ "Strike at {C} reaches day {Y}",
	  "Talks between {C} and the {O} union broke down on {W}; {K} staff remain on strike." },
	{ "{L} residents oppose {J}",
	  "More than {K} people have signed a petition against the {J} in {L}, organiser {P} said on {W}." },
	{ "{B} injured as {V} overturns near {L}",
	  "{B} people were taken to hospital after a {V} overturned on the {L} road at about {H} on {W}." },
	{ "{P} steps down as {R} of {C}",
	  "{P} will leave {C} in {D} after {Y} years as {R}, the company said on {W}." },
	{ "{C} recalls {K} {T}",
	  "{C} is recalling {K} {T} sold since {D} because of a fault that can cause overheating." },
	{ "{S} closes roads across {G}",
	  "{S} brought winds of {N} mph to {G} on {W}, closing roads and cutting power to {K} homes." },
	{ "{L} {f} draws record {K} visitors",
	  "Organisers of the {L} {f} said {K} people attended over {B} days, beating last year's total." },
	{ "{L} hospital warns of {B}-hour waits",
	  "Patients at {L} General were told on {W} to expect waits of up to {B} hours as {K} people attended the emergency department." },
	{ "Rail line between {L} and {M} to reopen on {W}",
	  "The line between {L} and {M}, closed since {D} after {u}, will reopen on {W}, {C} said." },
	{ "{P} elected mayor of {L}",
	  "{P} won {N}% of the vote in {L} on {W}, defeating {Q} by {K} votes." },
	{ "Bridge in {L} closed after inspectors find cracks",
	  "The {Z} bridge in {L} will stay closed for at least {B} weeks after an inspection on {W} found cracks in {N} supports." },
	{ "{C} fined £{I} million over {e}",
	  "A court fined {C} £{I} million on {W} over {e} at its {F} in {L}." },
	{ "School in {L} closed after {g}",
	  "Pupils at {L} Primary were sent home on {W} after {g}; the school hopes to reopen within {B} days." },
	{ "Missing walker found safe near {L}",
	  "A {N}-year-old walker missing since {W} was found safe near {L} by a rescue team led by {P}." },
	{ "{L} water supply restored after {B} days",
	  "Water was restored to {K} homes in {L} on {W}, {B} days after a main burst on {Z}." },
};

static const char *const en_more[] = {
	"{Q}, a spokesperson for {C}, said the decision was \"the right one for the area\".",
	"A full report is due in {D}.",
	"{Q}, who lives nearby, said residents had waited {Y} years for an answer.",
	"The council said it would publish the details on its website by {W}.",
	"Opposition councillor {Q} called the move \"short-sighted\".",
	"Work is expected to begin in {D} and last {B} months.",
	"{C} declined to comment further.",
	"Local MP {Q} has asked for a meeting with the minister.",
	"About {K} people live in the area.",
	"Police said {B} people had been spoken to.",
	"Further updates are expected at {H}.",
};

static const struct pattern ja_news[] = {
	{ "{L}市議会、{J}計画を承認",
	  "{L}市議会は{W}、{J}の計画を賛成{N}、反対{B}で承認した。総事業費は約{I}億円。" },
	{ "{C}、{L}工場で{N}人削減へ",
	  "{C}は{W}、{L}工場の従業員{N}人を削減すると発表した。{U}が理由という。" },
	{ "{L}の{F}で火災 {N}世帯に避難指示",
	  "{W}の{H}ごろ、{L}の{F}から出火し、周辺の{N}世帯に避難指示が出た。" },
	{ "{P}氏、{C}の新社長に就任",
	  "{C}は{W}、{P}氏が社長に就任したと発表した。前任の{Q}氏は{Y}年間務めた。" },
	{ "{L}と{M}結ぶフェリー、運航見合わせ",
	  "{C}は{W}、{L}と{M}を結ぶフェリーの運航を見合わせた。{u}のためで、約{K}人に影響が出ている。" },
	{ "{L}で{V}横転、{B}人けが",
	  "{W}の{H}ごろ、{L}の県道で{V}が横転し、乗客ら{B}人が病院に運ばれた。" },
	{ "{C}、{T}{K}台をリコール",
	  "{C}は{W}、{D}以降に販売した{T}{K}台をリコールすると当局に届け出た。" },
	{ "{L}の{f}、過去最多の{K}人",
	  "{L}で{W}まで開かれた{f}には、過去最多の{K}人が訪れた。" },
	{ "{P}さんに{A}",
	  "{L}在住の{P}さんが{W}、{X}で{A}を受賞した。応募は{K}点あった。" },
	{ "{L}で停電、約{K}戸に影響",
	  "{W}の{H}ごろから{L}の一部で停電が発生し、約{K}戸に影響が出た。原因は{g}とみられる。" },
	{ "{L}市、駅前再開発計画を発表",
	  "{L}市は{W}、駅前の再開発計画を発表した。事業費は約{I}億円で、{D}に着工する。" },
	{ "{L}町長選、{P}氏が初当選",
	  "{W}投開票の{L}町長選で、新人の{P}氏が{K}票を獲得し、現職の{Q}氏を破って初当選した。" },
	{ "{L}の{F}、{Y}年の歴史に幕",
	  "{L}の{F}が{W}、{Y}年の歴史に幕を下ろした。最後の日には{N}人が訪れた。" },
	{ "行方不明の登山者、{L}の山中で無事発見",
	  "{W}から行方不明になっていた{N}歳の登山者が、{L}の山中で無事発見された。" },
	{ "{C}、{L}に新工場 投資額{I}億円",
	  "{C}は{W}、{L}に新工場を建設すると発表した。投資額は約{I}億円で、{N}人を雇用する。" },
	{ "台風{B}号、{G}に接近",
	  "台風{B}号は{W}、{G}に接近し、{L}では最大風速{N}メートルを観測した。" },
	{ "{L}市、水道料金を{B}%値上げへ",
	  "{L}市は{W}、{D}から水道料金を平均{B}%値上げすると発表した。" },
};

static const char *const ja_more[] = {
	"{Q}氏は「地域にとって大きな一歩だ」と話した。",
	"詳しい内容は{D}にも公表される見通し。",
	"{C}の広報担当者は「詳細は確認中」としている。",
	"周辺には約{K}人が暮らしている。",
	"市は{W}にも説明会を開く予定だ。",
	"警察が詳しい原因を調べている。",
	"関係者によると、{B}人が事情を聴かれている。",
	"地元では{Y}年前から要望が出ていた。",
};

static const struct pattern de_news[] = {
	{ "{L}: Stadtrat genehmigt {J}",
	  "Der Stadtrat von {L} hat am {W} mit {N} zu {B} Stimmen {X} genehmigt. Die Kosten liegen bei {I} Millionen Euro." },
	{ "{C} streicht {N} Stellen in {L}",
	  "{C} will im Werk in {L} {N} Stellen abbauen, wie das Unternehmen am {W} mitteilte. Als Grund nannte es {U}." },
	{ "Brand in {L}: {N} Haushalte evakuiert",
	  "In einer Lagerhalle in {L} brach am {W} gegen {H} Uhr ein Feuer aus; {N} Haushalte in der Nähe mussten ihre Wohnungen verlassen." },
	{ "{P} wird neuer Chef von {C}",
	  "{C} hat {P} zum neuen Vorstandschef ernannt; {P} folgt auf {Q}, der das Amt {Y} Jahre innehatte." },
	{ "Fährverkehr zwischen {L} und {M} eingestellt",
	  "Die Reederei {C} hat den Fährverkehr zwischen {L} und {M} am {W} wegen {u} eingestellt. Rund {K} Fahrgäste sind betroffen." },
	{ "{B} Verletzte bei Busunfall nahe {L}",
	  "Bei einem Busunfall auf der Landstraße bei {L} sind am {W} {B} Menschen verletzt worden." },
	{ "{C} ruft {K} {T} zurück",
	  "{C} ruft {K} {T} zurück, die seit {D} verkauft wurden. Grund ist ein Fehler, der zu Überhitzung führen kann." },
	{ "Rekord beim Stadtfest in {L}: {K} Besucher",
	  "Das Stadtfest in {L} hat in diesem Jahr {K} Besucher angezogen, so viele wie nie zuvor, teilte Organisator {P} am {W} mit." },
	{ "{P} erhält {A}",
	  "{P} aus {L} ist am {W} mit dem {A} ausgezeichnet worden; die Jury wählte aus {K} Einsendungen." },
	{ "Stromausfall in {L}: {K} Haushalte ohne Strom",
	  "In {L} waren am {W} ab {H} Uhr rund {K} Haushalte ohne Strom; Ursache war {g}." },
	{ "Bahnstrecke {L}–{M} ab {W} wieder frei",
	  "Die seit {D} gesperrte Strecke zwischen {L} und {M} wird am {W} wieder freigegeben, teilte {C} mit." },
	{ "{P} ist neuer Bürgermeister in {L}",
	  "{P} hat die Bürgermeisterwahl in {L} am {W} mit {N} Prozent der Stimmen gewonnen und {Q} geschlagen." },
	{ "Streik bei {C} geht in den {Y}. Tag",
	  "Die Gespräche zwischen {C} und der Gewerkschaft sind am {W} gescheitert; {K} Beschäftigte streiken weiter." },
	{ "Vermisster Wanderer bei {L} gefunden",
	  "Ein {N} Jahre alter Wanderer, der seit {W} vermisst wurde, ist bei {L} wohlbehalten gefunden worden." },
};

static const char *const de_more[] = {
	"{Q}, Sprecher von {C}, nannte die Entscheidung „richtig für die Region“.",
	"Ein ausführlicher Bericht soll im {D} vorliegen.",
	"Anwohner {Q} sagte, man habe {Y} Jahre auf eine Antwort gewartet.",
	"Die Stadt will die Einzelheiten bis {W} veröffentlichen.",
	"{C} wollte sich nicht weiter äußern.",
	"In dem Gebiet leben rund {K} Menschen.",
	"Die Polizei hat {B} Zeugen befragt.",
	"Die Arbeiten sollen im {D} beginnen und {B} Monate dauern.",
};

/* The word lists of one language, by the slot they fill. */
struct words {
	const char *const *v[52];
	size_t n[52];
};

#define WORDS(letter, list) \
	[(letter) >= 'a' ? 26 + (letter) - 'a' : (letter) - 'A'] = (list)
#define NWORDS(letter, list) \
	[(letter) >= 'a' ? 26 + (letter) - 'a' : (letter) - 'A'] = COUNT(list)

static const char *const en_awards[] = {
	"Harwood Prize", "Lantern Award", "Silver Quill", "Meridian Medal",
	"Northern Book Prize", "Calder Award", "Tidewater Prize", "Beacon Award",
};
static const char *const en_incidents[] = {
	"robbery", "hit-and-run", "break-in", "assault", "arson attack",
	"car theft", "vandalism spree", "cash machine raid",
};
static const char *const en_facilities[] = {
	"warehouse", "ferry terminal", "paper mill", "bus depot", "library",
	"car plant", "data centre", "steelworks", "brewery", "call centre",
	"distribution hub", "bakery", "printing works", "shipyard", "glassworks",
	"power station",
};
static const char *const en_regions[] = {
	"the north coast", "the western hills", "the eastern fens",
	"the southern downs", "the islands", "the border country", "the high moors",
};
static const char *const en_projects[] = {
	"new ferry terminal", "harbour expansion", "tram extension",
	"housing scheme", "wind farm", "flood barrier", "bypass",
	"stadium redevelopment", "cycle network", "solar park",
	"hospital upgrade", "town centre plan", "river crossing", "rail link",
	"school merger", "library rebuild", "market hall restoration",
	"night bus trial",
};
static const char *const en_unions[] = {
	"Transport and Harbour Workers", "United Clerical", "Allied Engineers",
	"Northern Drivers", "Shop and Depot Staff",
};
static const char *const en_roles[] = {
	"chief executive", "chair", "finance director", "managing director",
	"president", "head of operations",
};
static const char *const en_storms[] = {
	"Storm Aldous", "Storm Brynja", "Storm Corwen", "Storm Delyth",
	"Storm Ebba", "Storm Fergal", "Storm Gwenda", "Storm Hobart",
};
static const char *const en_products[] = {
	"kettles", "e-bikes", "car seats", "space heaters", "baby monitors",
	"hair dryers", "pressure cookers", "scooters",
};
static const char *const en_causes[] = {
	"rising energy costs", "falling orders", "the loss of a contract",
	"weaker demand", "higher rents", "new regulations", "a failed merger",
	"automation",
};
static const char *const en_vehicles[] = {
	"lorry", "bus", "tram", "coach", "tractor", "delivery van",
};
static const char *const en_works[] = {
	"a debut novel", "a series of harbour photographs", "a river sculpture",
	"reporting on flood defences", "a children's opera",
	"a history of the ferry", "a documentary on the mills",
	"a collection of sea poems",
};
static const char *const en_streets[] = {
	"Mill Lane", "Church Street", "Station Road", "Harbour Row",
	"Chapel Walk", "Market Street", "Willow Avenue", "Orchard Way",
	"Quarry Road", "Tanners Lane", "Ropewalk", "Bridge End",
};
static const char *const en_offences[] = {
	"a chemical leak", "safety failings", "price fixing", "a data breach",
	"pollution of the river", "misleading adverts",
};
static const char *const en_festivals[] = {
	"folk festival", "food fair", "lantern parade", "book festival",
	"regatta", "street carnival",
};
static const char *const en_closures[] = {
	"a heating failure", "a burst pipe", "a roof leak", "a gas scare",
	"storm damage",
};
static const char *const en_travel_causes[] = {
	"a fault with the ramp", "high winds", "a staff shortage",
	"a collision in the harbour", "a fuel leak", "a failed inspection",
	"a power failure", "flooding on the line",
};

static const struct words en_words = {
	.v = { WORDS('A', en_awards), WORDS('E', en_incidents),
	       WORDS('F', en_facilities), WORDS('G', en_regions),
	       WORDS('J', en_projects), WORDS('O', en_unions),
	       WORDS('R', en_roles), WORDS('S', en_storms),
	       WORDS('T', en_products), WORDS('U', en_causes),
	       WORDS('V', en_vehicles), WORDS('X', en_works),
	       WORDS('Z', en_streets), WORDS('e', en_offences),
	       WORDS('f', en_festivals), WORDS('g', en_closures),
	       WORDS('u', en_travel_causes) },
	.n = { NWORDS('A', en_awards), NWORDS('E', en_incidents),
	       NWORDS('F', en_facilities), NWORDS('G', en_regions),
	       NWORDS('J', en_projects), NWORDS('O', en_unions),
	       NWORDS('R', en_roles), NWORDS('S', en_storms),
	       NWORDS('T', en_products), NWORDS('U', en_causes),
	       NWORDS('V', en_vehicles), NWORDS('X', en_works),
	       NWORDS('Z', en_streets), NWORDS('e', en_offences),
	       NWORDS('f', en_festivals), NWORDS('g', en_closures),
	       NWORDS('u', en_travel_causes) },
};

static const char *const ja_awards[] = {
	"湊文学賞", "北星写真賞", "朝凪音楽賞", "灯台賞", "港町エッセー賞",
};
static const char *const ja_facilities[] = {
	"倉庫", "製紙工場", "バス営業所", "物流センター", "造船所",
	"印刷工場", "発電所", "酒蔵", "市場", "体育館", "旅館", "商店街",
};
static const char *const ja_regions[] = {
	"南の島々", "西の沿岸部", "北部の山間部", "東の半島", "湾岸地域",
};
static const char *const ja_projects[] = {
	"新フェリーターミナル", "港湾拡張", "路面電車延伸", "市営住宅建設",
	"風力発電所", "防潮堤", "バイパス", "競技場改修", "自転車道整備",
	"太陽光発電所", "病院改築", "新橋建設", "図書館建て替え",
};
static const char *const ja_products[] = {
	"電気ケトル", "電動自転車", "電気ストーブ", "ヘアドライヤー",
	"炊飯器", "電動スクーター",
};
static const char *const ja_causes[] = {
	"原材料価格の高騰", "受注の減少", "需要の低迷", "円高", "規制強化",
	"設備の老朽化",
};
static const char *const ja_vehicles[] = {
	"バス", "トラック", "観光バス", "路線バス", "ワゴン車",
};
static const char *const ja_works[] = {
	"デビュー小説", "港の写真", "川の彫刻", "郷土史研究", "童謡の作曲",
};
static const char *const ja_festivals[] = {
	"港まつり", "花火大会", "灯籠祭り", "秋祭り", "音楽祭",
};
static const char *const ja_outages[] = {
	"倒木", "落雷", "設備の故障", "鳥の接触",
};
static const char *const ja_travel_causes[] = {
	"強風", "機関の故障", "高波", "乗員不足", "桟橋の損傷",
};

static const struct words ja_words = {
	.v = { WORDS('A', ja_awards), WORDS('F', ja_facilities),
	       WORDS('G', ja_regions), WORDS('J', ja_projects),
	       WORDS('T', ja_products), WORDS('U', ja_causes),
	       WORDS('V', ja_vehicles), WORDS('X', ja_works),
	       WORDS('f', ja_festivals), WORDS('g', ja_outages),
	       WORDS('u', ja_travel_causes) },
	.n = { NWORDS('A', ja_awards), NWORDS('F', ja_facilities),
	       NWORDS('G', ja_regions), NWORDS('J', ja_projects),
	       NWORDS('T', ja_products), NWORDS('U', ja_causes),
	       NWORDS('V', ja_vehicles), NWORDS('X', ja_works),
	       NWORDS('f', ja_festivals), NWORDS('g', ja_outages),
	       NWORDS('u', ja_travel_causes) },
};

static const char *const de_awards[] = {
	"Elbtaler Literaturpreis", "Nordmark-Medaille", "Silberne Feder",
	"Leuchtturm-Preis", "Heidjer Kunstpreis",
};
/* The projects' title form; de_projects_lead has the same project as
 * the lead's object, in the same order. */
static const char *const de_projects[] = {
	"Neubau des Hallenbads", "Hafenerweiterung", "Straßenbahnverlängerung",
	"Windpark", "Hochwasserschutz", "Ortsumgehung", "Radwegenetz",
	"Solarpark", "Klinikumbau", "Neubaugebiet", "Brückenneubau",
};
static const char *const de_projects_lead[] = {
	"den Neubau des Hallenbads", "die Hafenerweiterung",
	"die Verlängerung der Straßenbahn", "einen Windpark",
	"den Hochwasserschutz", "die Ortsumgehung", "das Radwegenetz",
	"einen Solarpark", "den Umbau der Klinik", "das Neubaugebiet",
	"den Neubau der Brücke",
};
static const char *const de_products[] = {
	"Wasserkocher", "E-Bikes", "Heizlüfter", "Föhne", "Kindersitze",
	"Schnellkochtöpfe",
};
static const char *const de_causes[] = {
	"gestiegene Energiekosten", "fehlende Aufträge", "die schwache Nachfrage",
	"höhere Mieten", "neue Vorschriften",
};
static const char *const de_outages[] = {
	"ein defektes Umspannwerk", "ein umgestürzter Baum", "ein Blitzeinschlag",
	"ein Baggerunfall",
};
static const char *const de_travel_causes[] = {
	"Sturm", "eines Motorschadens", "Personalmangels", "Hochwassers",
	"Nebels",
};

static const struct words de_words = {
	.v = { WORDS('A', de_awards), WORDS('J', de_projects),
	       WORDS('T', de_products), WORDS('U', de_causes),
	       WORDS('g', de_outages), WORDS('u', de_travel_causes) },
	.n = { NWORDS('A', de_awards), NWORDS('J', de_projects),
	       NWORDS('T', de_products), NWORDS('U', de_causes),
	       NWORDS('g', de_outages), NWORDS('u', de_travel_causes) },
};

static const struct words *
words_of(enum foldtext_lang lang)
{
	return lang == FOLDTEXT_EN ? &en_words : lang == FOLDTEXT_JA ? &ja_words
	       : &de_words;
}

/* Fills the slots every language shares: people, places, companies,
 * numbers, days. */
static void
fill_common(enum foldtext_lang lang, int64_t day_start, uint64_t *rng,
            struct slots *s)
{
	struct tm tm = day_of(day_start);
	size_t np = places_in(lang), l = foldrng_below(rng, np);

	person_name(lang, rng, slot(s, 'P'), SLOT_MAX);
	person_name(lang, rng, slot(s, 'Q'), SLOT_MAX);
	place_name(lang, l, slot(s, 'L'), SLOT_MAX);
	place_name(lang, (l + 1 + foldrng_below(rng, np - 1)) % np, slot(s, 'M'),
	           SLOT_MAX);
	company_name(lang, foldrng_below(rng, companies_in(lang)), slot(s, 'C'),
	             SLOT_MAX);
	slot_set(s, 'W', weekday_name(lang, tm.tm_wday));
	month_name(lang, (int)foldrng_below(rng, 12), slot(s, 'D'), SLOT_MAX);
	slot_fmt(s, 'N', "%u", between(rng, 3, 60));
	slot_fmt(s, 'B', "%u", between(rng, 2, 14));
	slot_fmt(s, 'I', "%u", between(rng, 2, 480));
	slot_fmt(s, 'Y', "%u", between(rng, 3, 40));
	number_name(lang, between(rng, 120, 9800), slot(s, 'K'), SLOT_MAX);
	if (lang == FOLDTEXT_JA) {
		slot_fmt(s, 'H', "%s%u時%u分", between(rng, 0, 1) ? "午後" : "午前",
		         between(rng, 1, 11), between(rng, 0, 11) * 5);
	} else {
		slot_fmt(s, 'H', "%02u:%02u", between(rng, 0, 23),
		         between(rng, 0, 11) * 5);
	}
}

/* Fills the language's word-list slots, and the German project's lead
 * form to match its title form. */
static void
fill_words(enum foldtext_lang lang, uint64_t *rng, struct slots *s)
{
	const struct words *w = words_of(lang);

	for (size_t k = 0; k < 52; k++) {
		if (w->n[k] > 0) {
			snprintf(s->v[k], SLOT_MAX, "%s", w->v[k][foldrng_below(rng, w->n[k])]);
		}
	}
	if (lang == FOLDTEXT_DE) {
		size_t j = foldrng_below(rng, COUNT(de_projects));

		slot_set(s, 'J', de_projects[j]);
		slot_set(s, 'X', de_projects_lead[j]);
		slot_set(s, 'Z', "");
	}
	if (lang == FOLDTEXT_JA) {
		slot_set(s, 'Z', "");
	}
}

static void
fill_slots(enum foldtext_lang lang, int64_t day_start, uint64_t *rng,
           struct slots *s)
{
	fill_common(lang, day_start, rng, s);
	fill_words(lang, rng, s);
}

/* Separates two sentences: a space in spaced scripts, nothing after 。. */
static const char *
sentence_gap(enum foldtext_lang lang)
{
	return lang == FOLDTEXT_JA ? "" : " ";
}

/* A news title and lead for the slots; more adds a second sentence. */
static void
write_news(enum foldtext_lang lang, uint64_t *rng, struct slots *s,
           struct foldtext_story *out)
{
	const struct pattern *p;
	const char *more;
	struct text t;

	if (lang == FOLDTEXT_EN) {
		p = &PICK(rng, en_news);
		more = PICK(rng, en_more);
	} else if (lang == FOLDTEXT_JA) {
		p = &PICK(rng, ja_news);
		more = PICK(rng, ja_more);
	} else {
		p = &PICK(rng, de_news);
		more = PICK(rng, de_more);
	}
	text_init(&t, out->title, sizeof(out->title));
	text_expand(&t, p->title, s);
	text_init(&t, out->summary, sizeof(out->summary));
	text_expand(&t, p->lead, s);
	text_put(&t, sentence_gap(lang), strlen(sentence_gap(lang)));
	text_expand(&t, more, s);
}

/* The title's hash: an ordinary news event is told under one title. */
static uint64_t
title_key(const char *title)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *title != '\0'; title++) {
		h = (h ^ (unsigned char)*title) * 1099511628211ULL;
	}
	return h | 1;
}

/* ---- weather -------------------------------------------------------- */

#define WEATHER_CITIES 40

static const char *const en_sky[] = {
	"rain", "sunshine", "fog", "snow showers", "gales", "frost",
	"thunderstorms", "drizzle", "sunny spells", "heavy rain", "sleet",
	"hail showers",
};
static const char *const ja_sky[] = {
	"晴れ", "雨", "くもり", "雪", "晴れ時々くもり", "くもり一時雨",
	"雨のち晴れ", "強風", "霧", "雷雨", "みぞれ", "大雨",
};
static const char *const de_sky[] = {
	"Regen", "Sonne", "Nebel", "Schneeschauer", "Sturm", "Frost",
	"Gewitter", "Nieselregen", "Sonne und Wolken", "Starkregen",
	"Schneeregen", "Hagel",
};
static const char *const en_wind[] = {
	"north", "north-east", "east", "south-east", "south", "south-west",
	"west", "north-west",
};
static const char *const ja_wind[] = {
	"北", "北東", "東", "南東", "南", "南西", "西", "北西",
};
static const char *const de_wind[] = {
	"Nord", "Nordost", "Ost", "Südost", "Süd", "Südwest", "West", "Nordwest",
};

static const char *const en_weather_titles[] = {
	"Weather update: {c} for {L} on {W}",
	"{L} weather: {c} expected on {W}",
	"Weather for {L}, {d}: {c}",
};
static const char *const ja_weather_titles[] = {
	"{L}きょうの天気 {d}",
	"【天気】{L} {d} {c}",
	"{L}の天気（{d}）",
};
static const char *const de_weather_titles[] = {
	"Wetter in {L}: {c} am {W}",
	"Das Wetter für {L} am {d}",
};
static const char *const en_weather_texts[] = {
	"{L} can expect {c} on {W}, with highs of {t}C and lows of {m}C. Winds from the {w} at {s} mph; a {p}% chance of rain.",
	"A day of {c} for {L} on {W}: top temperature {t}C, falling to {m}C overnight. Rain chance {p}%, wind {s} mph from the {w}.",
	"Forecasters expect {c} in {L} on {W}. Temperatures will reach {t}C and drop to {m}C after dark, with {w} winds of {s} mph.",
};
static const char *const ja_weather_texts[] = {
	"{L}の{d}は{c}の予報。最高気温は{t}度、最低気温は{m}度の見込み。降水確率は{p}%。",
	"{L}は{W}、{c}となりそうです。日中の最高気温は{t}度、朝の最低気温は{m}度。{w}の風が{s}メートル、降水確率は{p}%です。",
	"{d}の{L}、天気は{c}。気温は{m}度から{t}度まで上がる見込みで、降水確率は{p}%。",
};
static const char *const de_weather_texts[] = {
	"In {L} gibt es am {W} {c}, bei Höchstwerten um {t} Grad und nachts {m} Grad. Der Wind weht mit {s} km/h aus {w}; Regenrisiko {p} Prozent.",
	"Für {L} sagen die Meteorologen am {W} {c} voraus. Die Temperaturen steigen auf {t} Grad und fallen nachts auf {m} Grad, Regenrisiko {p} Prozent.",
};

/* The sky over city on the day, the same whoever reports it. */
static size_t
sky_of(enum foldtext_lang lang, size_t city, int64_t day_start, size_t nsky)
{
	return foldrng_mix((uint64_t)lang * 1000 + city, (uint64_t)day_start) % nsky;
}

/* Weather slots for city on the day; the figures are the outlet's own
 * forecast. */
static void
fill_weather(enum foldtext_lang lang, size_t city, int64_t day_start,
             uint64_t *rng, struct slots *s)
{
	size_t place = city * 37 % places_in(lang);
	unsigned high = between(rng, 2, 24);

	place_name(lang, place, slot(s, 'L'), SLOT_MAX);
	date_name(lang, day_start, slot(s, 'd'), SLOT_MAX);
	slot_set(s, 'W', weekday_name(lang, day_of(day_start).tm_wday));
	slot_set(s, 'c', lang == FOLDTEXT_EN ? en_sky[sky_of(lang, city, day_start, COUNT(en_sky))]
	         : lang == FOLDTEXT_JA ? ja_sky[sky_of(lang, city, day_start, COUNT(ja_sky))]
	         : de_sky[sky_of(lang, city, day_start, COUNT(de_sky))]);
	slot_fmt(s, 't', "%u", high);
	slot_fmt(s, 'm', "%d", (int)high - (int)between(rng, 3, 12));
	slot_fmt(s, 'p', "%u", between(rng, 0, 10) * 10);
	slot_fmt(s, 's', "%u", between(rng, 3, 45));
	slot_set(s, 'w', lang == FOLDTEXT_EN ? PICK(rng, en_wind)
	         : lang == FOLDTEXT_JA ? PICK(rng, ja_wind) : PICK(rng, de_wind));
}

/* The forecast's text in house style k (any number: it wraps). */
static void
write_weather_text(enum foldtext_lang lang, size_t k, struct slots *s,
                   struct text *t)
{
	text_expand(t, lang == FOLDTEXT_EN ? en_weather_texts[k % COUNT(en_weather_texts)]
	            : lang == FOLDTEXT_JA ? ja_weather_texts[k % COUNT(ja_weather_texts)]
	            : de_weather_texts[k % COUNT(de_weather_texts)], s);
}

static void
write_weather(enum foldtext_lang lang, unsigned outlet, int64_t day_start,
              uint64_t *rng, struct slots *s, struct foldtext_story *out)
{
	size_t city = foldrng_below(rng, WEATHER_CITIES);
	struct text t;

	fill_weather(lang, city, day_start, rng, s);
	text_init(&t, out->title, sizeof(out->title));
	text_expand(&t, lang == FOLDTEXT_EN ? en_weather_titles[outlet % COUNT(en_weather_titles)]
	            : lang == FOLDTEXT_JA ? ja_weather_titles[outlet % COUNT(ja_weather_titles)]
	            : de_weather_titles[outlet % COUNT(de_weather_titles)], s);
	text_init(&t, out->summary, sizeof(out->summary));
	write_weather_text(lang, outlet + outlet / 3, s, &t);	/* the outlet's style */
	out->key = foldrng_mix(foldrng_mix(FOLDTEXT_WEATHER, outlet),
	                       (uint64_t)day_start * 64 + city);
	out->at = (int64_t)between(rng, 5 * 60, 8 * 60) * 60;
}

/* ---- markets -------------------------------------------------------- */

static const char *const en_indexes[] = {
	"Harbor 100", "MERX 250", "Northgate All-Share", "Capital 50",
	"Meridian Tech 40", "Westmarch 30", "Kestrel Small-Cap", "Tidewater 500",
};
static const char *const ja_indexes[] = {
	"湊225", "東都株価指数", "北星300", "新興グロース指数", "東都プライム",
};
static const char *const de_indexes[] = {
	"NMX 40", "Elbtal-Index", "Nordmark 50", "TecMark 30",
};
static const char *const en_sectors[] = {
	"miners", "banks", "drugmakers", "property stocks", "retailers",
	"airlines", "carmakers", "utilities", "insurers", "chipmakers",
	"builders", "oil producers", "telecoms", "shipping stocks",
	"food producers",
};
static const char *const ja_sectors[] = {
	"鉱業株", "銀行株", "医薬品株", "不動産株", "小売株", "空運株",
	"自動車株", "電力株", "保険株", "半導体株", "建設株", "海運株",
	"通信株", "食品株", "商社株",
};
static const char *const de_sectors[] = {
	"Bergbauwerte", "Bankaktien", "Pharmawerte", "Immobilienwerte",
	"Einzelhändler", "Autowerte", "Versorger", "Versicherer", "Chipwerte",
	"Bauwerte", "Ölwerte", "Telekomwerte",
};

/* Title patterns by session (open, midday, close) and direction (up,
 * down): {i} index, {x} percent, {y} points, {s} sector, {l} level. */
static const char *const en_market_titles[3][2] = {
	{ "{i} opens up {x}% as {s} gain", "{i} opens down {x}% as {s} slide" },
	{ "{i} rises {x}% by midday, led by {s}", "{i} falls {x}% by midday, dragged by {s}" },
	{ "{i} closes up {x}% as {s} gain", "{i} closes down {x}% as {s} slide" },
};
static const char *const ja_market_titles[3][2] = {
	{ "{i}、寄り付きは{y}円高 {s}が上昇", "{i}、寄り付きは{y}円安 {s}が下落" },
	{ "{i}前引け、{y}円高の{l}円", "{i}前引け、{y}円安の{l}円" },
	{ "{i}終値、{y}円高の{l}円 {s}が上昇", "{i}終値、{y}円安の{l}円 {s}が下落" },
};
static const char *const de_market_titles[3][2] = {
	{ "{i} eröffnet {x} Prozent im Plus – {s} gefragt", "{i} eröffnet {x} Prozent im Minus – {s} unter Druck" },
	{ "{i} mittags {x} Prozent höher", "{i} mittags {x} Prozent tiefer" },
	{ "{i} schließt {x} Prozent im Plus", "{i} schließt {x} Prozent im Minus" },
};
static const char *const en_market_texts[2] = {
	"The {i} rose {x}% to {l} {n} on {W}, with {C} up {z}% among the biggest gainers. Traders pointed to {s} after {U}.",
	"The {i} fell {x}% to {l} {n} on {W}, with {C} down {z}% among the biggest fallers. Traders blamed {s} after {U}.",
};
static const char *const ja_market_texts[2] = {
	"{W}の{i}は前日比{y}円高の{l}円{n}。{s}が買われ、{C}は{z}%上昇した。",
	"{W}の{i}は前日比{y}円安の{l}円{n}。{s}が売られ、{C}は{z}%下落した。",
};
static const char *const de_market_texts[2] = {
	"Der {i} stieg am {W} {n} um {x} Prozent auf {l} Punkte. {C} legte um {z} Prozent zu, gefragt waren vor allem {s}.",
	"Der {i} fiel am {W} {n} um {x} Prozent auf {l} Punkte. {C} verlor {z} Prozent, unter Druck standen vor allem {s}.",
};
static const char *const en_sessions[] = { "in early trading", "by midday", "at the close" };
static const char *const ja_sessions[] = { "で寄り付いた", "で前場を終えた", "で取引を終えた" };
static const char *const de_sessions[] = { "zum Handelsstart", "bis zum Mittag", "zum Handelsschluss" };

static void
fill_market(enum foldtext_lang lang, size_t index, size_t session,
            uint64_t *rng, struct slots *s)
{
	slot_set(s, 'i', lang == FOLDTEXT_EN ? en_indexes[index]
	         : lang == FOLDTEXT_JA ? ja_indexes[index] : de_indexes[index]);
	slot_set(s, 's', lang == FOLDTEXT_EN ? PICK(rng, en_sectors)
	         : lang == FOLDTEXT_JA ? PICK(rng, ja_sectors) : PICK(rng, de_sectors));
	slot_set(s, 'n', lang == FOLDTEXT_EN ? en_sessions[session]
	         : lang == FOLDTEXT_JA ? ja_sessions[session] : de_sessions[session]);
	tenths_name(lang, between(rng, 1, 30), slot(s, 'x'), SLOT_MAX);
	tenths_name(lang, between(rng, 5, 90), slot(s, 'z'), SLOT_MAX);
	number_name(lang, between(rng, 12, 640), slot(s, 'y'), SLOT_MAX);
	number_name(lang, between(rng, 6000, 38000), slot(s, 'l'), SLOT_MAX);
}

static void
write_market(enum foldtext_lang lang, int64_t day_start, uint64_t *rng,
             struct slots *s, struct foldtext_story *out)
{
	size_t nidx = lang == FOLDTEXT_EN ? COUNT(en_indexes) : lang == FOLDTEXT_JA
	              ? COUNT(ja_indexes) : COUNT(de_indexes);
	size_t index = foldrng_below(rng, nidx), session = foldrng_below(rng, 3);
	size_t down = foldrng_below(rng, 2);
	struct text t;

	fill_market(lang, index, session, rng, s);
	text_init(&t, out->title, sizeof(out->title));
	text_expand(&t, lang == FOLDTEXT_EN ? en_market_titles[session][down]
	            : lang == FOLDTEXT_JA ? ja_market_titles[session][down]
	            : de_market_titles[session][down], s);
	text_init(&t, out->summary, sizeof(out->summary));
	text_expand(&t, lang == FOLDTEXT_EN ? en_market_texts[down]
	            : lang == FOLDTEXT_JA ? ja_market_texts[down]
	            : de_market_texts[down], s);
	out->key = foldrng_mix(foldrng_mix(FOLDTEXT_MARKET, lang * 16 + index),
	                       (uint64_t)day_start * 4 + session);
	out->at = (int64_t)(session == 0 ? 8 * 60 : session == 1 ? 12 * 60 : 16 * 60 + 30) * 60
	          + (int64_t)between(rng, 0, 30) * 60;
}

/* ---- earnings ------------------------------------------------------- */

/* By kind (profit, revenue, outlook) and direction: {C} company, {x}
 * percent, {r} a reason. */
static const char *const en_earnings_titles[3][2] = {
	{ "{C} reports Q3 profit up {x}%", "{C} reports Q3 profit down {x}%" },
	{ "{C} Q3 revenue rises {x}% on {r}", "{C} Q3 revenue falls {x}% on {r}" },
	{ "{C} raises full-year outlook after Q3 sales rise {x}%",
	  "{C} cuts full-year outlook after Q3 sales fall {x}%" },
};
static const char *const ja_earnings_titles[3][2] = {
	{ "{C}、7～9月期の純利益{x}%増", "{C}、7～9月期の純利益{x}%減" },
	{ "{C}、7～9月期売上高{x}%増 {r}", "{C}、7～9月期売上高{x}%減 {r}" },
	{ "{C}、通期予想を上方修正 売上{x}%増", "{C}、通期予想を下方修正 売上{x}%減" },
};
static const char *const de_earnings_titles[3][2] = {
	{ "{C} steigert Quartalsgewinn um {x} Prozent", "{C}: Quartalsgewinn sinkt um {x} Prozent" },
	{ "{C}: Umsatz im dritten Quartal plus {x} Prozent", "{C}: Umsatz im dritten Quartal minus {x} Prozent" },
	{ "{C} hebt Jahresprognose nach {x} Prozent Umsatzplus", "{C} senkt Jahresprognose nach {x} Prozent Umsatzminus" },
};
static const char *const en_reasons[] = {
	"strong demand", "higher prices", "new contracts", "weak exports",
	"lower volumes", "a cold autumn", "cost cuts",
};
static const char *const ja_reasons[] = {
	"海外販売が好調", "価格改定が寄与", "新規受注が増加", "輸出が低迷",
	"販売数量が減少",
};
static const char *const en_earnings_texts[] = {
	"{C} said on {W} that its figures for the three months to September moved {x}% against a year earlier, with revenue of £{K} million. Shares moved {z}% in early trading.",
	"Results from {C} for the third quarter showed a {x}% change, as revenue reached £{K} million; analysts had expected £{k} million.",
};
static const char *const ja_earnings_texts[] = {
	"{C}が{W}発表した7～9月期決算は、前年同期比{x}%の変動となった。売上高は{K}億円。",
	"{C}の7～9月期決算は、売上高が{K}億円、市場予想は{k}億円だった。株価は{z}%動いた。",
};
static const char *const de_earnings_texts[] = {
	"{C} meldete am {W} für das dritte Quartal eine Veränderung von {x} Prozent; der Umsatz lag bei {K} Millionen Euro.",
	"Das Quartalsergebnis von {C} bewegte sich um {x} Prozent, bei einem Umsatz von {K} Millionen Euro; Analysten hatten {k} Millionen erwartet.",
};

static void
write_earnings(enum foldtext_lang lang, uint64_t *rng, struct slots *s,
               struct foldtext_story *out)
{
	size_t company = foldrng_below(rng, companies_in(lang));
	size_t kind = foldrng_below(rng, 3), down = foldrng_below(rng, 2);
	struct text t;

	company_name(lang, company, slot(s, 'C'), SLOT_MAX);
	slot_fmt(s, 'x', "%u", between(rng, 1, 60));
	tenths_name(lang, between(rng, 2, 120), slot(s, 'z'), SLOT_MAX);
	number_name(lang, between(rng, 40, 9000), slot(s, 'k'), SLOT_MAX);
	slot_set(s, 'r', lang == FOLDTEXT_JA ? PICK(rng, ja_reasons) : PICK(rng, en_reasons));
	text_init(&t, out->title, sizeof(out->title));
	text_expand(&t, lang == FOLDTEXT_EN ? en_earnings_titles[kind][down]
	            : lang == FOLDTEXT_JA ? ja_earnings_titles[kind][down]
	            : de_earnings_titles[kind][down], s);
	text_init(&t, out->summary, sizeof(out->summary));
	text_expand(&t, lang == FOLDTEXT_EN ? PICK(rng, en_earnings_texts)
	            : lang == FOLDTEXT_JA ? PICK(rng, ja_earnings_texts)
	            : PICK(rng, de_earnings_texts), s);
	out->key = foldrng_mix(foldrng_mix(FOLDTEXT_EARNINGS, lang), company * 4 + kind);
	out->at = (int64_t)between(rng, 6 * 60, 8 * 60) * 60;
}

/* ---- podcasts ------------------------------------------------------- */

static const char *const en_shows[] = {
	"Harbour Lights", "The Long Read Aloud", "Field Notes", "Under the Bridge",
	"Signal and Noise", "Kitchen Table Economics", "The Commute",
	"Small Hours", "Tidewater", "Open Ledger", "Backroads", "Night Shift",
};
static const char *const ja_shows[] = {
	"湊ラジオ通信", "夜更けの本棚", "きょうの経済", "ことばの森",
	"週末さんぽ", "はたらく人たち", "まちの記憶", "星空ラジオ",
};
static const char *const de_shows[] = {
	"Hafenfunk", "Der lange Abend", "Feldnotizen", "Zwischen den Zeilen",
	"Pendlerpost", "Nachtschicht",
};
static const char *const en_episode_titles[] = {
	"Episode {n}: {o}", "{h} #{n}: {o}", "Ep. {n} – {o}",
};
static const char *const ja_episode_titles[] = {
	"第{n}回 {o}", "#{n} {o}", "{h} 第{n}回「{o}」",
};
static const char *const de_episode_titles[] = {
	"Folge {n}: {o}", "{h} #{n} – {o}",
};
static const char *const en_topic_recurring[] = {
	"The week in review", "Listener questions", "Your letters", "News roundup",
};
static const char *const ja_topic_recurring[] = {
	"今週のふりかえり", "おたより紹介", "ゲストトーク",
};
static const char *const de_topic_recurring[] = {
	"Wochenrückblick", "Hörerfragen", "Post von euch",
};
static const char *const en_topic_adj[] = {
	"lost", "last", "hidden", "long", "quiet", "broken", "forgotten", "floating",
};
static const char *const en_topic_noun[] = {
	"ferry", "orchard", "lighthouse", "archive", "market", "choir",
	"railway", "garden", "mill", "library",
};
static const char *const ja_topic_noun[] = {
	"灯台", "商店街", "図書館", "渡し船", "果樹園", "古い駅", "市場",
	"合唱団", "水車", "庭園",
};
static const char *const de_topic_noun[] = {
	"Der letzte Leuchtturm", "Die alte Mühle", "Das vergessene Archiv",
	"Der schwimmende Markt", "Die stille Bibliothek", "Der lange Weg",
};
static const char *const en_episode_texts[] = {
	"In this episode {P} talks to {Q} about {L} and the people who keep it going. Running time {N} minutes.",
	"{P} is joined by {Q} to answer questions from {L}, with {N} minutes of listener calls.",
};
static const char *const ja_episode_texts[] = {
	"今回は{P}さんが{Q}さんを迎え、{L}の話題をお届けします。収録時間は{N}分。",
	"{P}さんと{Q}さんが{L}を歩きながら語ります。{N}分の拡大版です。",
};
static const char *const de_episode_texts[] = {
	"{P} spricht in dieser Folge mit {Q} über {L}. Laufzeit: {N} Minuten.",
	"Zu Gast bei {P} ist {Q} aus {L}; {N} Minuten über Alltag und Arbeit.",
};

static void
fill_topic(enum foldtext_lang lang, uint64_t *rng, struct slots *s)
{
	int recurring = foldrng_chance(rng, 30);

	if (lang == FOLDTEXT_EN) {
		if (recurring) {
			slot_set(s, 'o', PICK(rng, en_topic_recurring));
		} else if (foldrng_chance(rng, 30)) {
			slot_fmt(s, 'o', "In conversation with %s", slot(s, 'Q'));
		} else {
			slot_fmt(s, 'o', "The %s %s of %s", PICK(rng, en_topic_adj),
			         PICK(rng, en_topic_noun), slot(s, 'L'));
		}
	} else if (lang == FOLDTEXT_JA) {
		if (recurring) {
			slot_set(s, 'o', PICK(rng, ja_topic_recurring));
		} else {
			slot_fmt(s, 'o', "%sの%s", slot(s, 'L'), PICK(rng, ja_topic_noun));
		}
	} else if (recurring) {
		slot_set(s, 'o', PICK(rng, de_topic_recurring));
	} else {
		slot_fmt(s, 'o', "%s in %s", PICK(rng, de_topic_noun), slot(s, 'L'));
	}
}

/* A show puts out one episode a day, numbered on from its own start. */
static void
write_podcast(enum foldtext_lang lang, int64_t day_start, uint64_t *rng,
              struct slots *s, struct foldtext_story *out)
{
	size_t nshows = lang == FOLDTEXT_EN ? COUNT(en_shows) : lang == FOLDTEXT_JA
	                ? COUNT(ja_shows) : COUNT(de_shows);
	size_t show = foldrng_below(rng, nshows);
	unsigned number = 40 + (unsigned)(show * 53 % 360)
	                  + (unsigned)(day_start / 86400 % 365);
	struct text t;

	slot_set(s, 'h', lang == FOLDTEXT_EN ? en_shows[show] : lang == FOLDTEXT_JA
	         ? ja_shows[show] : de_shows[show]);
	slot_fmt(s, 'n', "%u", number);
	fill_topic(lang, rng, s);
	text_init(&t, out->title, sizeof(out->title));
	text_expand(&t, lang == FOLDTEXT_EN ? en_episode_titles[show % COUNT(en_episode_titles)]
	            : lang == FOLDTEXT_JA ? ja_episode_titles[show % COUNT(ja_episode_titles)]
	            : de_episode_titles[show % COUNT(de_episode_titles)], s);
	text_init(&t, out->summary, sizeof(out->summary));
	text_expand(&t, lang == FOLDTEXT_EN ? PICK(rng, en_episode_texts)
	            : lang == FOLDTEXT_JA ? PICK(rng, ja_episode_texts)
	            : PICK(rng, de_episode_texts), s);
	out->key = foldrng_mix(foldrng_mix(FOLDTEXT_PODCAST, lang * 16 + show),
	                       (uint64_t)day_start);
	out->at = (int64_t)between(rng, 4 * 60, 6 * 60) * 60;
}

/* ---- short generic titles ------------------------------------------- */

enum generic_kind { GENERIC_NEWS, GENERIC_WEATHER, GENERIC_TRAVEL, GENERIC_SERVICE };

struct generic {
	const char *title;
	enum generic_kind kind;
};

static const struct generic en_generic[] = {
	{ "Breaking news", GENERIC_NEWS }, { "Weather update", GENERIC_WEATHER },
	{ "Travel update", GENERIC_TRAVEL }, { "Service update", GENERIC_SERVICE },
	{ "Announcement", GENERIC_SERVICE }, { "Latest", GENERIC_NEWS },
	{ "Update", GENERIC_NEWS }, { "Live updates", GENERIC_NEWS },
	{ "Notice", GENERIC_SERVICE }, { "Traffic alert", GENERIC_TRAVEL },
};
static const struct generic ja_generic[] = {
	{ "お知らせ", GENERIC_SERVICE }, { "ニュース速報", GENERIC_NEWS },
	{ "速報", GENERIC_NEWS }, { "重要なお知らせ", GENERIC_SERVICE },
	{ "交通情報", GENERIC_TRAVEL }, { "気象情報", GENERIC_WEATHER },
	{ "更新情報", GENERIC_SERVICE },
};
static const struct generic de_generic[] = {
	{ "Eilmeldung", GENERIC_NEWS }, { "Aktuelle Meldung", GENERIC_NEWS },
	{ "Hinweis", GENERIC_SERVICE }, { "Verkehrsmeldung", GENERIC_TRAVEL },
	{ "Wetterwarnung", GENERIC_WEATHER }, { "In eigener Sache", GENERIC_SERVICE },
};
static const char *const en_travel_texts[] = {
	"Services between {L} and {M} are delayed by up to {N} minutes after {u}. {C} advises passengers to allow extra time.",
	"The {L} road is closed in both directions near {M} after {u}; diversions add about {N} minutes.",
};
static const char *const ja_travel_texts[] = {
	"{L}と{M}の間で{u}のため最大{N}分の遅れが出ています。",
	"{L}から{M}方面の道路は{u}のため通行止め。迂回で約{N}分余計にかかります。",
};
static const char *const de_travel_texts[] = {
	"Zwischen {L} und {M} kommt es wegen {u} zu Verspätungen von bis zu {N} Minuten.",
	"Die Straße von {L} nach {M} ist wegen {u} gesperrt; die Umleitung kostet etwa {N} Minuten.",
};
static const char *const en_services[] = {
	"app", "website", "e-paper", "comment section", "newsletter signup",
};
static const char *const ja_services[] = {
	"アプリ", "ウェブサイト", "電子版", "会員ページ",
};
static const char *const de_services[] = {
	"App", "Website", "E-Paper-Ausgabe", "Mediathek",
};
static const char *const en_service_texts[] = {
	"Our {v} will be unavailable from {H} on {W} for about {B} hours while we carry out maintenance.",
	"Our {L} office is closed on {W} from {H}; the {v} is not affected and {N} staff remain on call.",
};
static const char *const ja_service_texts[] = {
	"{W}の{H}から約{B}時間、メンテナンスのため{v}がご利用いただけません。",
	"{L}支局は{W}の{H}から休業します。{v}は通常どおりご利用いただけます。",
};
static const char *const de_service_texts[] = {
	"Unsere {v} ist am {W} ab {H} Uhr für etwa {B} Stunden wegen Wartungsarbeiten nicht erreichbar.",
	"Unser Büro in {L} bleibt am {W} ab {H} Uhr geschlossen; die {v} ist davon nicht betroffen.",
};

/* The text a generic title stands on: the summary is the whole story. */
static void
write_generic_text(enum foldtext_lang lang, enum generic_kind kind,
                   int64_t day_start, uint64_t *rng, struct slots *s,
                   struct foldtext_story *out)
{
	struct text t;

	text_init(&t, out->summary, sizeof(out->summary));
	switch (kind) {
	case GENERIC_NEWS:
		write_news(lang, rng, s, out);
		break;
	case GENERIC_WEATHER:
		fill_weather(lang, foldrng_below(rng, WEATHER_CITIES), day_start, rng, s);
		write_weather_text(lang, foldrng_below(rng, 3), s, &t);
		break;
	case GENERIC_TRAVEL:
		text_expand(&t, lang == FOLDTEXT_EN ? PICK(rng, en_travel_texts)
		            : lang == FOLDTEXT_JA ? PICK(rng, ja_travel_texts)
		            : PICK(rng, de_travel_texts), s);
		break;
	default:
		slot_set(s, 'v', lang == FOLDTEXT_EN ? PICK(rng, en_services)
		         : lang == FOLDTEXT_JA ? PICK(rng, ja_services) : PICK(rng, de_services));
		text_expand(&t, lang == FOLDTEXT_EN ? PICK(rng, en_service_texts)
		            : lang == FOLDTEXT_JA ? PICK(rng, ja_service_texts)
		            : PICK(rng, de_service_texts), s);
		break;
	}
}

static void
write_generic(enum foldtext_lang lang, int64_t day_start, uint64_t *rng,
              struct slots *s, struct foldtext_story *out)
{
	const struct generic *g = lang == FOLDTEXT_EN ? &PICK(rng, en_generic)
	                          : lang == FOLDTEXT_JA ? &PICK(rng, ja_generic)
	                          : &PICK(rng, de_generic);

	write_generic_text(lang, g->kind, day_start, rng, s, out);
	snprintf(out->title, sizeof(out->title), "%s", g->title);
	out->key = 0;
}

/* ---- dated series --------------------------------------------------- */

static const char *const en_series[] = {
	"Daily briefing, {d}", "Morning briefing: {W} {d}",
	"The Evening Wrap, {d}", "Markets at a glance, {d}",
};
static const char *const ja_series[] = {
	"朝のニュース {d}", "きょうの主な出来事（{d}）", "夕刊ダイジェスト {d}",
	"マーケット概況 {d}",
};
static const char *const de_series[] = {
	"Der Morgen: {d}", "Tagesüberblick vom {d}", "Abendlage, {d}",
	"Börse kompakt, {d}",
};

/* An outlet's series has one issue a day; the summary lists the day's
 * headlines. */
static void
write_series(enum foldtext_lang lang, unsigned outlet, int64_t day_start,
             uint64_t *rng, struct slots *s, struct foldtext_story *out)
{
	static const char *const lead[] = { "Today: ", "", "Heute: " };
	static const char *const sep[] = { "; ", "、", "; " };
	static const char *const end[] = { ".", "など。", "." };
	size_t nseries = lang == FOLDTEXT_EN ? COUNT(en_series) : lang == FOLDTEXT_JA
	                 ? COUNT(ja_series) : COUNT(de_series);
	size_t series = (outlet + foldrng_below(rng, 2)) % nseries;
	struct foldtext_story item;
	struct text t;

	date_name(lang, day_start, slot(s, 'd'), SLOT_MAX);
	text_init(&t, out->title, sizeof(out->title));
	text_expand(&t, lang == FOLDTEXT_EN ? en_series[series] : lang == FOLDTEXT_JA
	            ? ja_series[series] : de_series[series], s);
	text_init(&t, out->summary, sizeof(out->summary));
	text_put(&t, lead[lang], strlen(lead[lang]));
	for (int k = 0; k < 3; k++) {
		fill_slots(lang, day_start, rng, s);
		write_news(lang, rng, s, &item);
		if (k > 0) {
			text_put(&t, sep[lang], strlen(sep[lang]));
		}
		text_put(&t, item.title, strlen(item.title));
	}
	text_put(&t, end[lang], strlen(end[lang]));
	out->key = foldrng_mix(foldrng_mix(FOLDTEXT_SERIES, outlet * 8 + series),
	                       (uint64_t)day_start);
	out->at = (int64_t)(series == 2 ? 18 * 60 : 6 * 60 + 30) * 60
	          + (int64_t)between(rng, 0, 20) * 60;
}

/* ---- fixtures ------------------------------------------------------- */

static const char *const en_clubs[] = {
	"Kestrel FC", "Saltmere Rovers", "Brackenby Athletic", "Harrowford Town",
	"Wickham United", "Ostenfield City", "Marldale Wanderers",
	"Dunmoor Albion", "Ferrybridge Rangers", "Glenhaven FC",
	"Ashenport Athletic", "Thornby United", "Cragwell Town", "Elmstead City",
	"Lynhaven Rovers", "Penbridge FC", "Rotherstead Albion", "Stanmoor United",
	"Tarnwick Town", "Woldgate City",
};
static const char *const ja_clubs[] = {
	"湊FC", "北星ユナイテッド", "桜川SC", "霧沢FC", "朝浦シティ",
	"白崎ローヴァーズ", "青野アスレチック", "高丘FC", "夕島ユナイテッド",
	"松原SC", "赤沢FC", "星浜シティ",
};
static const char *const de_clubs[] = {
	"SV Elbtal", "FC Nordhagen", "TuS Moorstedt", "VfL Heidbrück",
	"SC Lindfelde", "FC Buchbeck", "TSV Eichstedt", "SV Waldbüttel",
	"VfB Steinfelde", "FC Roshagen", "SpVgg Wolfsau", "Eintracht Falbrück",
};
/* How each club names its reserves, by club number. */
static const char *const en_reserves[] = { "Jong %s", "%s II", "%s U21", "%s U23" };
static const char *const ja_reserves[] = { "%s U-18", "%sセカンド", "%s II" };
static const char *const de_reserves[] = { "%s II", "%s U23" };

static size_t
clubs_in(enum foldtext_lang lang)
{
	return lang == FOLDTEXT_EN ? COUNT(en_clubs) : lang == FOLDTEXT_JA
	       ? COUNT(ja_clubs) : COUNT(de_clubs);
}

/* Team number team: first teams, then the clubs' reserves. */
static void
team_name(enum foldtext_lang lang, unsigned team, char *out, size_t cap)
{
	size_t n = clubs_in(lang), club = team % n;
	const char *name = lang == FOLDTEXT_EN ? en_clubs[club] : lang == FOLDTEXT_JA
	                   ? ja_clubs[club] : de_clubs[club];
	const char *style = lang == FOLDTEXT_EN ? en_reserves[club % COUNT(en_reserves)]
	                    : lang == FOLDTEXT_JA ? ja_reserves[club % COUNT(ja_reserves)]
	                    : de_reserves[club % COUNT(de_reserves)];

	if (team < n) {
		snprintf(out, cap, "%s", name);
	} else {
		snprintf(out, cap, style, name);
	}
}

void
foldtext_fixture_draw(enum foldtext_lang lang, int64_t day_start,
                      uint64_t *rng, struct foldtext_fixture *fx)
{
	static const unsigned goals[] = { 0, 0, 1, 1, 1, 2, 2, 3, 4 };
	unsigned n = (unsigned)clubs_in(lang);
	unsigned home = (unsigned)foldrng_below(rng, n);
	unsigned away = (home + 1 + (unsigned)foldrng_below(rng, n - 1)) % n;

	/* Reserves play reserves or smaller clubs' first teams. */
	if (foldrng_chance(rng, 35)) {
		home += n;
		away += foldrng_chance(rng, 50) ? n : 0;
	}
	fx->lang = lang;
	fx->home = home;
	fx->away = away;
	fx->kickoff = day_start + 12 * 3600 + (int64_t)foldrng_below(rng, 35) * 900;
	fx->home_goals = PICK(rng, goals);
	fx->away_goals = PICK(rng, goals);
	fx->home_key = foldrng_mix((uint64_t)lang * 1000 + home,
	                           (uint64_t)(day_start / 86400 / 3));
	fx->away_key = foldrng_mix((uint64_t)lang * 1000 + away,
	                           (uint64_t)(day_start / 86400 / 3));
}

static const char *const en_preview_more[] = {
	"{P} returns to the squad after injury.",
	"Tickets remain on sale at the club shop until {H}.",
	"{P} is suspended after a red card last week.",
	"Head coach {P} expects a difficult game.",
	"{P} could make a first start.",
};
static const char *const ja_preview_more[] = {
	"{P}選手がけがから復帰。", "チケットは{H}まで販売中です。",
	"{P}監督は「厳しい試合になる」と話しています。",
};
static const char *const de_preview_more[] = {
	"{P} kehrt nach Verletzung in den Kader zurück.",
	"Karten gibt es noch bis {H} Uhr im Fanshop.",
	"Trainer {P} erwartet ein schweres Spiel.",
};
static const char *const en_win[] = {
	"late header settles it", "{P} double seals victory", "hosts hold on",
	"comeback completed", "penalty decides tight game",
};
static const char *const en_loss[] = {
	"visitors take the points", "{P} strike sinks hosts", "away side cruise",
};
static const char *const en_draw[] = {
	"points shared", "late equaliser", "stalemate in the rain",
};

/* The fixture's slots: {h} {a} teams, {k} kick-off, {g} {j} goals, {L}
 * the home club's town, {W} the day. */
static void
fill_fixture(const struct foldtext_fixture *fx, uint64_t *rng, struct slots *s)
{
	enum foldtext_lang lang = fx->lang;
	int64_t day_start = fx->kickoff - fx->kickoff % 86400;
	int64_t minutes = fx->kickoff % 86400 / 60;

	fill_slots(lang, day_start, rng, s);
	team_name(lang, fx->home, slot(s, 'h'), SLOT_MAX);
	team_name(lang, fx->away, slot(s, 'a'), SLOT_MAX);
	place_name(lang, fx->home % clubs_in(lang) * 11 % places_in(lang), slot(s, 'L'),
	           SLOT_MAX);
	slot_fmt(s, 'k', "%02d:%02d", (int)(minutes / 60), (int)(minutes % 60));
	slot_fmt(s, 'g', "%u", fx->home_goals);
	slot_fmt(s, 'j', "%u", fx->away_goals);
	slot_fmt(s, 'm', "%u", between(rng, 3, 90));
}

static const char *
report_title(const struct foldtext_fixture *fx, uint64_t *rng, struct slots *s)
{
	int result = fx->home_goals > fx->away_goals ? 0
	             : fx->home_goals < fx->away_goals ? 1 : 2;
	static const char *const ja[] = {
		"{h}、{a}に{g}-{j}で勝利", "{h}、{a}に{g}-{j}で敗れる",
		"{h}と{a}、{g}-{j}で引き分け",
	};
	static const char *const de[] = {
		"{h} schlägt {a} mit {g}:{j}", "{h} verliert {g}:{j} gegen {a}",
		"{h} und {a} trennen sich {g}:{j}",
	};

	if (fx->lang == FOLDTEXT_JA) {
		return ja[result];
	}
	if (fx->lang == FOLDTEXT_DE) {
		return de[result];
	}
	slot_set(s, 'o', result == 0 ? PICK(rng, en_win) : result == 1
	         ? PICK(rng, en_loss) : PICK(rng, en_draw));
	return "{h} {g}-{j} {a}: {o}";
}

/* Title and text patterns by family (matchday, livestream, report) and
 * language; the report's title depends on the result. */
static const char *const fixture_titles[2][FOLDTEXT_NLANGS] = {
	{ "MATCHDAY {h} - {a}", "【マッチデー】{h} vs {a}", "MATCHDAY {h} - {a}" },
	{ "LIVESTREAM {h} - {a}", "【ライブ配信】{h} vs {a}", "LIVESTREAM {h} - {a}" },
};
static const char *const fixture_texts[3][FOLDTEXT_NLANGS] = {
	{ "{h} welcome {a} to {L} Park on {W}, kick-off {k}. ",
	  "{h}は{W}の{k}から、ホームに{a}を迎えます。",
	  "{h} empfängt am {W} um {k} Uhr {a}. " },
	{ "Watch {h} against {a} live from {k}, with commentary from {P} and {Q}.",
	  "{h}対{a}の試合を{k}からライブ配信します。実況は{P}さん、解説は{Q}さん。",
	  "Das Spiel {h} gegen {a} gibt es ab {k} Uhr live, kommentiert von {P} und {Q}." },
	{ "{P} scored after {m} minutes as {h} and {a} met at {L} Park on {W}; it finished {g}-{j} in front of {K} fans.",
	  "{W}の試合で{h}と{a}が対戦し、{P}選手の{m}分のゴールなどで{g}-{j}で終了した。観客は{K}人。",
	  "{P} traf in der {m}. Minute, am Ende stand es zwischen {h} und {a} {g}:{j}; {K} Zuschauer waren im Stadion in {L}." },
};

void
foldtext_fixture_write(enum foldtext_family family,
                       const struct foldtext_fixture *fx, unsigned outlet,
                       uint64_t *rng, struct foldtext_story *out)
{
	struct slots s;
	struct text t;
	size_t k = family == FOLDTEXT_MATCHDAY ? 0 : family == FOLDTEXT_LIVESTREAM ? 1 : 2;
	const char *title;

	memset(&s, 0, sizeof(s));
	fill_fixture(fx, rng, &s);
	title = k < 2 ? fixture_titles[k][fx->lang] : report_title(fx, rng, &s);
	if (k == 0 && fx->lang == FOLDTEXT_DE && outlet % 2 == 1) {
		title = "SPIELTAG {h} - {a}";
	}
	text_init(&t, out->title, sizeof(out->title));
	text_expand(&t, title, &s);
	text_init(&t, out->summary, sizeof(out->summary));
	text_expand(&t, fixture_texts[k][fx->lang], &s);
	if (k == 0) {
		text_expand(&t, fx->lang == FOLDTEXT_EN ? PICK(rng, en_preview_more)
		            : fx->lang == FOLDTEXT_JA ? PICK(rng, ja_preview_more)
		            : PICK(rng, de_preview_more), &s);
	}
	out->key = foldrng_mix(foldrng_mix(family, fx->home_key), fx->away_key);
	out->at = fx->kickoff % 86400 + (k == 0 ? -(int64_t)between(rng, 4, 8) * 3600
	          : k == 1 ? -900 : (int64_t)between(rng, 110, 180) * 60);
}

void
foldtext_aside(enum foldtext_lang lang, int64_t day_start, uint64_t *rng,
               char *out, size_t cap)
{
	struct slots s;
	struct text t;

	memset(&s, 0, sizeof(s));
	fill_slots(lang, day_start, rng, &s);
	text_init(&t, out, cap);
	text_expand(&t, lang == FOLDTEXT_EN ? PICK(rng, en_more) : lang == FOLDTEXT_JA
	            ? PICK(rng, ja_more) : PICK(rng, de_more), &s);
}

/* ---- the families together ------------------------------------------ */

void
foldtext_write(enum foldtext_family family, enum foldtext_lang lang,
               unsigned outlet, int64_t day_start, uint64_t *rng,
               struct foldtext_story *out)
{
	struct slots s;

	memset(&s, 0, sizeof(s));
	fill_slots(lang, day_start, rng, &s);
	out->key = 0;
	out->at = (int64_t)between(rng, 6 * 60, 23 * 60) * 60;
	switch (family) {
	case FOLDTEXT_WEATHER:
		write_weather(lang, outlet, day_start, rng, &s, out);
		break;
	case FOLDTEXT_MARKET:
		write_market(lang, day_start, rng, &s, out);
		break;
	case FOLDTEXT_PODCAST:
		write_podcast(lang, day_start, rng, &s, out);
		break;
	case FOLDTEXT_EARNINGS:
		write_earnings(lang, rng, &s, out);
		break;
	case FOLDTEXT_GENERIC:
		write_generic(lang, day_start, rng, &s, out);
		break;
	case FOLDTEXT_SERIES:
		write_series(lang, outlet, day_start, rng, &s, out);
		break;
	default:
		write_news(lang, rng, &s, out);
		out->key = title_key(out->title);
		break;
	}
}

const char *
foldtext_family_name(enum foldtext_family family)
{
	static const char *const names[] = {
		"news", "weather", "market", "matchday", "livestream",
		"match-report", "podcast", "earnings", "generic", "series",
	};

	return (unsigned)family < FOLDTEXT_NFAMILIES ? names[family] : "?";
}

const char *
foldtext_lang_name(enum foldtext_lang lang)
{
	static const char *const names[] = { "en", "ja", "de" };

	return (unsigned)lang < FOLDTEXT_NLANGS ? names[lang] : "?";
}
