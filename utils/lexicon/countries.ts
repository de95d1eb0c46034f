// A general vocabulary of the world's countries and their demonyms, so that "Peruvian" and "Peru" are one entity.

/**
 * Entries ";"-separated: the country key (its common English name, lower case) and other names of it ("|"), then
 * after "/" its demonyms (","). Demonyms that are also common words or names are left out.
 */
const TABLE =
  'afghanistan/afghan,afghans;albania/albanian,albanians;algeria/algerian,algerians;' +
  'angola/angolan,angolans;argentina/argentine,argentinian,argentines,argentinians;' +
  'armenia/armenian,armenians;austria/austrian,austrians;' +
  'azerbaijan/azerbaijani,azerbaijanis,azeri,azeris;bahrain/bahraini,bahrainis;' +
  'bangladesh/bangladeshi,bangladeshis;belgium/belgian,belgians;bolivia/bolivian,bolivians;' +
  'bosnia|bosnia and herzegovina/bosnian,bosnians;brazil/brazilian,brazilians;' +
  'cambodia/cambodian,cambodians;cameroon/cameroonian,cameroonians;chile/chilean,chileans;' +
  'colombia/colombian,colombians;' +
  'congo|democratic republic of congo|democratic republic of the congo|drc/congolese;' +
  'costa rica/costa rican,costa ricans;croatia/croatian,croatians,croat,croats;cuba/cuban,cubans;' +
  'cyprus/cypriot,cypriots;czech republic|czechia/czech,czechs;denmark/danish,dane,danes;' +
  'dominican republic/dominican,dominicans;ecuador/ecuadorian,ecuadorians;egypt/egyptian,egyptians;' +
  'el salvador/salvadoran,salvadorans;estonia/estonian,estonians;ethiopia/ethiopian,ethiopians;' +
  'finland/finnish,finn,finns;georgia/georgian,georgians;ghana/ghanaian,ghanaians;greece/greek,greeks;' +
  'guatemala/guatemalan,guatemalans;haiti/haitian,haitians;honduras/honduran,hondurans;' +
  'iceland/icelandic,icelanders;indonesia/indonesian,indonesians;iraq/iraqi,iraqis;ireland/irish;' +
  'ivory coast|cote d’ivoire/ivorian,ivorians;jamaica/jamaican,jamaicans;kazakhstan/kazakh,kazakhs;' +
  'kenya/kenyan,kenyans;kosovo/kosovar,kosovars;kuwait/kuwaiti,kuwaitis;kyrgyzstan/kyrgyz;' +
  'laos/laotian,laotians;latvia/latvian,latvians;lebanon/lebanese;libya/libyan,libyans;' +
  'lithuania/lithuanian,lithuanians;luxembourg;madagascar/malagasy;malaysia/malaysian,malaysians;' +
  'mali/malian,malians;malta/maltese;mexico/mexican,mexicans;moldova/moldovan,moldovans;' +
  'mongolia/mongolian,mongolians;montenegro/montenegrin,montenegrins;morocco/moroccan,moroccans;' +
  'mozambique/mozambican,mozambicans;myanmar|burma/burmese;nepal/nepali,nepalese;' +
  'netherlands|holland/dutch;new zealand/new zealander,new zealanders;nicaragua/nicaraguan,nicaraguans;' +
  'niger;nigeria/nigerian,nigerians;north korea|dprk/north korean,north koreans;' +
  'north macedonia/macedonian,macedonians;norway/norwegian,norwegians;oman/omani,omanis;' +
  'pakistan/pakistani,pakistanis;palestine|palestinian territories/palestinian,palestinians;' +
  'panama/panamanian,panamanians;paraguay/paraguayan,paraguayans;peru/peruvian,peruvians;' +
  'philippines/philippine,filipino,filipinos;portugal/portuguese;qatar/qatari,qataris;' +
  'rwanda/rwandan,rwandans;saudi arabia/saudi,saudis;senegal/senegalese;' +
  'serbia/serbian,serbians,serb,serbs;singapore/singaporean,singaporeans;' +
  'slovakia/slovak,slovaks,slovakian;slovenia/slovenian,slovenians,slovene,slovenes;' +
  'somalia/somali,somalis;south africa/south african,south africans;' +
  'south korea/south korean,south koreans;south sudan/south sudanese;sri lanka/sri lankan,sri lankans;' +
  'sudan/sudanese;syria/syrian,syrians;taiwan/taiwanese;tajikistan/tajik,tajiks;' +
  'tanzania/tanzanian,tanzanians;thailand/thai,thais;tunisia/tunisian,tunisians;turkmenistan/turkmen;' +
  'uganda/ugandan,ugandans;united arab emirates|uae/emirati,emiratis;uruguay/uruguayan,uruguayans;' +
  'uzbekistan/uzbek,uzbeks;venezuela/venezuelan,venezuelans;vietnam/vietnamese;yemen/yemeni,yemenis;' +
  'zambia/zambian,zambians;zimbabwe/zimbabwean,zimbabweans;spain/spaniard,spaniards;' +
  'france/frenchman,frenchmen;poland/pole,poles;sweden/swede,swedes;switzerland/swiss;' +
  'turkey|turkiye|türkiye/turk,turks;israel/israeli,israelis;canada/canadians;australia/australians;' +
  'china|prc;japan;india/indians;iran/iranians;italy/italians;hungary/hungarians;' +
  'belarus/belarusians,belarussian';

/** A country of the table: its key, its names (key first) and its demonyms. */
export interface WorldCountry {
  key: string;
  names: string[];
  demonyms: string[];
}

/** The world's countries, parsed once. */
export const WORLD_COUNTRIES: readonly WorldCountry[] = TABLE.split(';').map((entry) => {
  const [names = '', demonyms = ''] = entry.split('/');
  const all = names.split('|');
  return { key: all[0]!, names: all, demonyms: demonyms ? demonyms.split(',') : [] };
});
