/*
 * The third archive's templates, written from the folding issue's
 * description apart from tests/scale and tests/second. Each family
 * recurs with other teams, regions, levels, prices, brands, towns,
 * routes and numbers, so that titles one word apart are different
 * stories; the summaries' first sentences carry what parts them.
 */
#include "autoconfig.h"

#include <stdio.h>
#include <string.h>

#include "tests/scale/foldrng.h"
#include "tests/third/thirdgen.h"
#include "tests/third/thirdtext.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define PICK(r, a) ((a)[foldrng_below((r), N(a))])

static const char *const weekdays[] = {
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
};

/* Upper-cases ASCII s into out (a dateline). */
static void
upper(const char *s, char *out, size_t size)
{
	size_t i;

	for (i = 0; s[i] != '\0' && i + 1 < size; i++) {
		out[i] = (char)(s[i] >= 'a' && s[i] <= 'z' ? s[i] - 32 : s[i]);
	}
	out[i] = '\0';
}

static void
fixture(uint64_t *r, int day, struct thirdtext *o)
{
	static const char *const leagues[] = {
		"Premier League", "Championship", "Serie A", "Ligue 1", "Eredivisie",
		"Scottish Premiership", "MLS",
	};
	static const char *const teams[] = {
		"Harrowgate United", "Kelso Rovers", "Brindle City", "Ashcombe Athletic",
		"Portlow Town", "Marrick Wanderers", "Dunmere FC", "Calder Vale",
		"Sorrento Calcio", "Vercella", "Olympique Lunel", "AS Brives",
		"Fortuna Zwolle", "Heerenburg", "Glenmuir Thistle", "Cascade SC",
	};
	const char *league = PICK(r, leagues), *a = PICK(r, teams), *b = PICK(r, teams);
	unsigned x = (unsigned)foldrng_below(r, 5), y = (unsigned)foldrng_below(r, 4);

	while (b == a) {
		b = PICK(r, teams);
	}
	snprintf(o->title, TT_TITLE_MAX, "%s %u-%u %s", a, x, y, b);
	snprintf(o->alt, TT_TITLE_MAX, "%s %u %s %u", a, x, b, y);
	snprintf(o->summary, TT_SUMMARY_MAX, "%s and %s finished %u-%u in the %s on %s. "
	         "The full report and the table follow.", a, b, x, y, league,
	         weekdays[day % 7]);
	snprintf(o->key, TT_TITLE_MAX, "%s|%s", strcmp(a, b) < 0 ? a : b, strcmp(a, b) < 0 ? b : a);
}

static void
warning(uint64_t *r, int day, struct thirdtext *o)
{
	static const char *const levels[] = { "Yellow", "Amber", "Red" };
	static const char *const hazards[] = { "rain", "wind", "snow", "ice", "heat", "fog" };
	static const char *const regions[] = {
		"North West England", "South Wales", "the Highlands", "East Anglia",
		"Northern Ireland", "the Midlands", "Yorkshire", "Cornwall",
	};
	const char *lv = PICK(r, levels), *hz = PICK(r, hazards), *rg = PICK(r, regions);
	unsigned from = 6 + (unsigned)foldrng_below(r, 15);

	snprintf(o->title, TT_TITLE_MAX, "%s weather warning for %s issued for %s", lv, hz, rg);
	snprintf(o->alt, TT_TITLE_MAX, "%s warning for %s in %s", lv, hz, rg);
	snprintf(o->summary, TT_SUMMARY_MAX, "A %s warning for %s covers %s from %u:00 on %s. "
	         "Forecasters advise checking before travelling.", lv, hz, rg, from,
	         weekdays[day % 7]);
}

static void
price(uint64_t *r, int day, struct thirdtext *o)
{
	static const char *const goods[] = {
		"Gold", "Silver", "Brent crude", "Copper", "Wheat", "Bitcoin", "The euro",
		"The pound",
	};
	static const char *const up[] = { "rises", "climbs" };
	static const char *const down[] = { "falls", "slips" };
	const char *g = PICK(r, goods);
	int rise = foldrng_chance(r, 50);
	unsigned whole = 1 + (unsigned)foldrng_below(r, 2900), cents = (unsigned)foldrng_below(r, 100);

	(void)day;
	snprintf(o->title, TT_TITLE_MAX, "%s %s to $%u,%03u", g, rise ? up[0] : down[0],
	         whole / 1000 + 1, whole % 1000);
	snprintf(o->alt, TT_TITLE_MAX, "%s %s to $%u,%03u", g, rise ? up[1] : down[1],
	         whole / 1000 + 1, whole % 1000);
	snprintf(o->summary, TT_SUMMARY_MAX, "%s %s to $%u,%03u.%02u in afternoon trading, "
	         "its %s close in %u sessions. Traders pointed to the dollar.", g,
	         rise ? "rose" : "fell", whole / 1000 + 1, whole % 1000, cents,
	         rise ? "highest" : "lowest", 2 + (unsigned)foldrng_below(r, 20));
}

static void
court(uint64_t *r, int day, struct thirdtext *o)
{
	static const char *const courts[] = {
		"Supreme Court", "Appeals court", "High Court", "Federal judge",
		"Constitutional court",
	};
	static const char *const firms[] = {
		"Norvex", "Caldera Foods", "Halvorsen Air", "Brightline Media", "Quorum Bank",
		"Tessaly Pharma", "Orbis Telecom", "Pinecrest Energy", "Arden Rail",
		"Lumina Retail", "Westbrook Water", "Castell Insurance",
	};
	static const char *const matters[] = {
		"privacy", "pricing", "pension", "patent", "emissions", "labour",
	};
	static const char *const verdicts[][2] = {
		{ "rules against", "finds against" }, { "sides with", "backs" },
		{ "upholds fine on", "confirms fine on" },
	};
	unsigned v = (unsigned)foldrng_below(r, N(verdicts));
	const char *c = PICK(r, courts), *f = PICK(r, firms), *m = PICK(r, matters);

	snprintf(o->title, TT_TITLE_MAX, "%s %s %s in %s case", c, verdicts[v][0], f, m);
	snprintf(o->alt, TT_TITLE_MAX, "%s %s %s in %s case", c, verdicts[v][1], f, m);
	snprintf(o->summary, TT_SUMMARY_MAX, "The %s on %s %s %s in the %s case brought by "
	         "%u claimants. The company said it would study the ruling.", c,
	         weekdays[day % 7], verdicts[v][0], f, m, 10 + (unsigned)foldrng_below(r, 900));
	snprintf(o->key, TT_TITLE_MAX, "%s|%s", f, m);
}

static void
recall(uint64_t *r, int day, struct thirdtext *o)
{
	static const char *const brands[] = {
		"Velano", "Kestrel", "Mirabel", "Tovana", "Pruitt", "Helmark", "Ostara",
	};
	static const char *const products[] = {
		"e-bikes", "baby monitors", "air fryers", "space heaters", "car seats",
		"power banks", "dishwashers",
	};
	static const char *const defects[] = {
		"fire risk", "choking hazard", "faulty wiring", "brake failure", "battery fault",
	};
	const char *b = PICK(r, brands), *p = PICK(r, products), *d = PICK(r, defects);
	char model[16];

	snprintf(model, sizeof(model), "%c%u", "ABKMSTX"[foldrng_below(r, 7)],
	         10 + (unsigned)foldrng_below(r, 90));
	snprintf(o->title, TT_TITLE_MAX, "%s recalls %s %s over %s", b, model, p, d);
	snprintf(o->alt, TT_TITLE_MAX, "%s pulls %s %s over %s", b, model, p, d);
	snprintf(o->summary, TT_SUMMARY_MAX, "%s is recalling %u %s of its %s model sold "
	         "since %s after reports of a %s. Owners can ask for a refund.", b,
	         1000 * (1 + (unsigned)foldrng_below(r, 300)), p, model, weekdays[day % 7], d);
	snprintf(o->key, TT_TITLE_MAX, "%s|%s", b, model);
}

static void
school(uint64_t *r, int day, struct thirdtext *o)
{
	static const char *const towns[] = {
		"Harwick", "Belmont", "Stanbury", "Coldridge", "Fernleigh", "Oakhurst",
		"Penmarsh", "Rydal", "Westcombe", "Ambleside", "Kirkby", "Lowther",
		"Bramhall", "Nettlebed", "Quenby", "Sedgefield", "Tilford", "Upwey",
		"Alcester", "Brackley", "Chard", "Dorking", "Epping", "Frome", "Goole",
		"Hexham", "Ilkley", "Jarrow", "Kendal", "Ludlow", "Malton", "Nailsea",
	};
	static const char *const causes[] = {
		"snow", "flooding", "a heating failure", "a power cut", "a strike",
	};
	const char *t = PICK(r, towns), *c = PICK(r, causes);
	unsigned n = 2 + (unsigned)foldrng_below(r, 30);

	snprintf(o->title, TT_TITLE_MAX, "%u schools closed in %s due to %s", n, t, c);
	snprintf(o->alt, TT_TITLE_MAX, "%s shuts %u schools because of %s", t, n, c);
	snprintf(o->summary, TT_SUMMARY_MAX, "%u schools in %s are closed on %s because of %s, "
	         "the council said. Parents should check the council website.", n, t,
	         weekdays[day % 7], c);
	upper(t, o->place, sizeof(o->place));
	snprintf(o->key, TT_TITLE_MAX, "%s", t);
}

static void
travel(uint64_t *r, int day, struct thirdtext *o)
{
	static const char *const cities[] = {
		"London", "Manchester", "Leeds", "Bristol", "Glasgow", "Edinburgh",
		"Cardiff", "Newcastle", "Dublin", "Paris",
	};
	static const char *const why[] = {
		"a signal failure", "a strike", "storm damage", "a fire alarm", "staff shortages",
	};
	const char *a = PICK(r, cities), *b = PICK(r, cities), *w = PICK(r, why);
	int flights = foldrng_chance(r, 40);

	while (b == a) {
		b = PICK(r, cities);
	}
	if (flights) {
		snprintf(o->title, TT_TITLE_MAX, "Flights from %s to %s cancelled after %s", a, b, w);
		snprintf(o->alt, TT_TITLE_MAX, "Flights from %s to %s scrapped after %s", a, b, w);
	} else {
		snprintf(o->title, TT_TITLE_MAX, "Trains between %s and %s disrupted by %s", a, b, w);
		snprintf(o->alt, TT_TITLE_MAX, "Trains between %s and %s hit by %s", a, b, w);
	}
	snprintf(o->summary, TT_SUMMARY_MAX, "%s between %s and %s are %s on %s after %s. "
	         "Passengers are advised not to travel.", flights ? "Flights" : "Trains",
	         a, b, flights ? "cancelled" : "disrupted", weekdays[day % 7], w);
	upper(a, o->place, sizeof(o->place));
	snprintf(o->key, TT_TITLE_MAX, "%s|%s|%d", strcmp(a, b) < 0 ? a : b,
	         strcmp(a, b) < 0 ? b : a, flights);
}

static void
series(uint64_t *r, int day, struct thirdtext *o)
{
	static const char *const events[] = {
		"the rail strike", "the climate summit", "the Halvorsen trial",
		"the teachers' walkout", "the siege of Mirovka",
	};
	static const char *const lists[] = {
		"Top 10 films of the month", "Top 10 hiking trails in Wales",
		"Top 10 budget phones", "Top 10 podcasts this week", "Top 10 city breaks",
	};
	unsigned n = 1 + (unsigned)foldrng_below(r, 40);

	if (foldrng_chance(r, 60)) {
		const char *e = PICK(r, events);

		snprintf(o->title, TT_TITLE_MAX, "Day %u of %s", n, e);
		snprintf(o->summary, TT_SUMMARY_MAX, "On day %u of %s, %s brought %u new "
		         "developments. Our correspondent has the latest.", n, e,
		         weekdays[day % 7], 1 + (unsigned)foldrng_below(r, 9));
	} else {
		const char *l = PICK(r, lists);

		snprintf(o->title, TT_TITLE_MAX, "%s", l);
		snprintf(o->summary, TT_SUMMARY_MAX, "Our %s pick for week %u starts with %s "
		         "at number %u. See the full list inside.", weekdays[day % 7], n,
		         PICK(r, weekdays), 1 + (unsigned)foldrng_below(r, 10));
	}
}

static void
edition(uint64_t *r, int day, struct thirdtext *o)
{
	static const char *const shows[] = {
		"The Long Read podcast", "Money Talk", "Morning Brief newsletter",
		"Science Weekly", "The Tech Digest",
	};
	static const char *const topics[] = {
		"housing", "inflation", "artificial intelligence", "the election", "football",
		"space", "food prices",
	};
	const char *s = PICK(r, shows), *t = PICK(r, topics);
	unsigned no = 100 + (unsigned)foldrng_below(r, 300);

	snprintf(o->title, TT_TITLE_MAX, "%s No. %u: %s", s, no, t);
	snprintf(o->summary, TT_SUMMARY_MAX, "In edition %u of %s, out on %s, we look at %s. "
	         "Subscribe wherever you listen.", no, s, weekdays[day % 7], t);
	snprintf(o->key, TT_TITLE_MAX, "%s|%u", s, no);
}

static void
french(uint64_t *r, int day, struct thirdtext *o)
{
	static const char *const villes[] = {
		"Lyon", "Marseille", "Toulouse", "Nantes", "Lille", "Rennes", "Bordeaux",
	};
	static const char *const projets[] = {
		"un nouveau tramway", "la gratuité des cantines", "un plan vélo",
		"la rénovation du stade", "une piscine municipale",
	};
	static const char *const verbes[][2] = {
		{ "annonce", "dévoile" }, { "approuve", "adopte" },
	};
	const char *v = PICK(r, villes), *p = PICK(r, projets);
	unsigned k = (unsigned)foldrng_below(r, N(verbes));
	static const char *const jours[] = {
		"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
	};

	snprintf(o->title, TT_TITLE_MAX, "%s : le conseil municipal %s %s", v, verbes[k][0], p);
	snprintf(o->alt, TT_TITLE_MAX, "%s : le conseil municipal %s %s", v, verbes[k][1], p);
	snprintf(o->summary, TT_SUMMARY_MAX, "Le conseil municipal de %s %s %s ce %s, pour un "
	         "coût de %u millions d'euros. L'opposition a voté contre.", v, verbes[k][0],
	         p, jours[day % 7], 2 + (unsigned)foldrng_below(r, 80));
	upper(v, o->place, sizeof(o->place));
}

static void
italian(uint64_t *r, int day, struct thirdtext *o)
{
	static const char *const citta[] = {
		"Milano", "Torino", "Bologna", "Firenze", "Napoli", "Genova", "Bari",
		"Verona", "Padova", "Trieste", "Brescia", "Parma", "Modena", "Perugia",
		"Ancona", "Pescara", "Salerno", "Lecce", "Cagliari", "Palermo", "Catania",
	};
	static const char *const strade[] = {
		"A1", "A4", "A14", "statale 16", "tangenziale", "provinciale 5",
	};
	static const char *const cause[] = {
		"maltempo", "neve", "sciopero", "allerta meteo", "guasto all'impianto",
	};
	static const char *const giorni[] = {
		"lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
	};
	const char *c = PICK(r, citta), *k = PICK(r, cause);
	int schools = foldrng_chance(r, 50);

	/* a city closes its schools, or cancels trains, once in three days */
	snprintf(o->key, TT_TITLE_MAX, "%s|%d", c, schools);
	if (foldrng_chance(r, 40)) {
		const char *s = PICK(r, strade);
		unsigned n = 1 + (unsigned)foldrng_below(r, 12);

		snprintf(o->key, TT_TITLE_MAX, "%s|%s", c, s);
		snprintf(o->title, TT_TITLE_MAX, "%s, incidente sulla %s: %u feriti", c, s, n);
		snprintf(o->alt, TT_TITLE_MAX, "%s, scontro sulla %s: %u feriti", c, s, n);
		snprintf(o->summary, TT_SUMMARY_MAX, "Incidente %s mattina sulla %s vicino a %s: "
		         "%u persone sono rimaste ferite. La strada è stata chiusa per ore.",
		         giorni[day % 7], s, c, n);
	} else if (schools) {
		snprintf(o->title, TT_TITLE_MAX, "%s, scuole chiuse per %s", c, k);
		snprintf(o->alt, TT_TITLE_MAX, "%s, chiuse le scuole per %s", c, k);
		snprintf(o->summary, TT_SUMMARY_MAX, "Il sindaco di %s ha disposto la chiusura "
		         "delle scuole %s per %s. Le lezioni riprendono il giorno dopo.", c,
		         giorni[day % 7], k);
	} else {
		snprintf(o->title, TT_TITLE_MAX, "%s, treni cancellati per %s", c, k);
		snprintf(o->alt, TT_TITLE_MAX, "%s, soppressi i treni per %s", c, k);
		snprintf(o->summary, TT_SUMMARY_MAX, "A %s %u treni regionali sono stati cancellati "
		         "%s per %s. Trenitalia consiglia di informarsi prima.", c,
		         4 + (unsigned)foldrng_below(r, 60), giorni[day % 7], k);
	}
	upper(c, o->place, sizeof(o->place));
}

static void
chinese(uint64_t *r, int day, struct thirdtext *o)
{
	static const char *const cities[] = {
		"北京", "上海", "广州", "深圳", "成都", "杭州", "武汉", "南京", "重庆", "西安",
	};
	static const char *const hazards[] = { "暴雨", "高温", "大风", "寒潮", "大雾" };
	static const char *const colours[] = { "蓝色", "黄色", "橙色", "红色" };
	const char *c = PICK(r, cities);

	if (foldrng_chance(r, 60)) {
		const char *h = PICK(r, hazards), *k = PICK(r, colours);

		snprintf(o->key, TT_TITLE_MAX, "%s|%s", c, h);
		snprintf(o->title, TT_TITLE_MAX, "%s发布%s%s预警", c, h, k);
		snprintf(o->alt, TT_TITLE_MAX, "%s气象台发布%s%s预警", c, h, k);
		snprintf(o->summary, TT_SUMMARY_MAX, "%s市气象台%d日%u时发布%s%s预警，请市民注意防范。"
		         "详情请关注官方通知。", c, day + 1, 6 + (unsigned)foldrng_below(r, 16), h, k);
	} else {
		unsigned line = 1 + (unsigned)foldrng_below(r, 12);

		snprintf(o->title, TT_TITLE_MAX, "%s地铁%u号线%d日起调整运营时间", c, line, day % 28 + 1);
		snprintf(o->summary, TT_SUMMARY_MAX, "%s地铁%u号线自%d日起调整首末班车时间，末班车延后%u分钟。"
		         "乘客请留意车站公告。", c, line, day % 28 + 1, 10 + (unsigned)foldrng_below(r, 50));
	}
}

static void
news(uint64_t *r, int day, struct thirdtext *o)
{
	static const char *const who[] = {
		"Mayor", "Health minister", "Union leader", "Police chief", "Fire chief",
		"Head teacher", "Party leader", "Club owner",
	};
	static const char *const places[] = {
		"Harwick", "Brindle", "Stanbury", "Lunel", "Kelso", "Portlow", "Ashcombe",
		"Marrick", "Oakhurst", "Rydal", "Penmarsh", "Dunmere", "Carlow", "Thornby",
		"Wexcombe", "Halsey", "Morden Vale", "Eastleigh", "Selby Cross", "Trenton",
	};
	static const char *const quotes[] = {
		"We will rebuild", "This is not over", "We owe them answers",
		"The money is there", "Nobody saw this coming", "We are ready",
	};
	static const char *const acts[][2] = {
		{ "pledges new funding for", "promises new money for" },
		{ "resigns over", "quits over" },
		{ "defends plans for", "stands by plans for" },
		{ "apologises for", "says sorry for" },
	};
	static const char *const things[] = {
		"the flooded estate", "the hospital wing", "the bypass", "the harbour wall",
		"the bus depot", "the library", "the stadium", "the care home",
		"the ferry link", "the night shelter", "the market hall", "the ring road",
		"the tram extension", "the water works",
	};
	const char *w = PICK(r, who), *p = PICK(r, places), *q = PICK(r, quotes);
	const char *t = PICK(r, things);
	unsigned a = (unsigned)foldrng_below(r, N(acts));

	if (foldrng_chance(r, 50)) {
		w = "Mayor";
		snprintf(o->title, TT_TITLE_MAX, "%s mayor %s %s", p, acts[a][0], t);
	} else {
		snprintf(o->title, TT_TITLE_MAX, "%s %s %s in %s", w, acts[a][0], t, p);
	}
	snprintf(o->alt, TT_TITLE_MAX, "'%s,' says %s after row over %s in %s", q,
	         w, t, p);
	snprintf(o->summary, TT_SUMMARY_MAX, "\"%s,\" the %s of %s said on %s as the row over "
	         "%s went on for a %s week. Talks resume next month.", q, w, p,
	         weekdays[day % 7], t, foldrng_chance(r, 50) ? "second" : "third");
	upper(p, o->place, sizeof(o->place));
	snprintf(o->key, TT_TITLE_MAX, "%s|%s|%s", w, p, t);
}

void
thirdtext_story(int family, int day, uint64_t *r, struct thirdtext *out)
{
	static void (*const draw[TG_NFAMILIES])(uint64_t *, int, struct thirdtext *) = {
		fixture, warning, price, court, recall, school, travel, series, edition,
		french, italian, chinese, news,
	};
	static const int lang[TG_NFAMILIES] = {
		[TG_FRENCH] = TT_FR, [TG_ITALIAN] = TT_IT, [TG_CHINESE] = TT_ZH,
	};

	memset(out, 0, sizeof(*out));
	out->lang = lang[family];
	draw[family](r, day, out);
	if (out->key[0] == '\0') {
		memcpy(out->key, out->title, sizeof(out->key));
	}
}
