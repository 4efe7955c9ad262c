"""Country codes as officers and lists write them, folded to the code an ICAO MRZ carries.

A list says "CHN", an officer types "CN" or reads "RC" off a car's oval sticker: all three
must compare equal. ISO 3166-1 alpha-2 codes and the vehicle distinguishing signs of the 1949
and 1968 road traffic conventions are folded to the ICAO Doc 9303 code (ISO alpha-3, except
"D" for Germany).
"""

from __future__ import annotations

# ISO 3166-1: every alpha-2 code and its alpha-3 code.
_ISO_ALPHA2 = """
    AD:AND AE:ARE AF:AFG AG:ATG AI:AIA AL:ALB AM:ARM AO:AGO AQ:ATA AR:ARG AS:ASM AT:AUT
    AU:AUS AW:ABW AX:ALA AZ:AZE BA:BIH BB:BRB BD:BGD BE:BEL BF:BFA BG:BGR BH:BHR BI:BDI
    BJ:BEN BL:BLM BM:BMU BN:BRN BO:BOL BQ:BES BR:BRA BS:BHS BT:BTN BV:BVT BW:BWA BY:BLR
    BZ:BLZ CA:CAN CC:CCK CD:COD CF:CAF CG:COG CH:CHE CI:CIV CK:COK CL:CHL CM:CMR CN:CHN
    CO:COL CR:CRI CU:CUB CV:CPV CW:CUW CX:CXR CY:CYP CZ:CZE DE:DEU DJ:DJI DK:DNK DM:DMA
    DO:DOM DZ:DZA EC:ECU EE:EST EG:EGY EH:ESH ER:ERI ES:ESP ET:ETH FI:FIN FJ:FJI FK:FLK
    FM:FSM FO:FRO FR:FRA GA:GAB GB:GBR GD:GRD GE:GEO GF:GUF GG:GGY GH:GHA GI:GIB GL:GRL
    GM:GMB GN:GIN GP:GLP GQ:GNQ GR:GRC GS:SGS GT:GTM GU:GUM GW:GNB GY:GUY HK:HKG HM:HMD
    HN:HND HR:HRV HT:HTI HU:HUN ID:IDN IE:IRL IL:ISR IM:IMN IN:IND IO:IOT IQ:IRQ IR:IRN
    IS:ISL IT:ITA JE:JEY JM:JAM JO:JOR JP:JPN KE:KEN KG:KGZ KH:KHM KI:KIR KM:COM KN:KNA
    KP:PRK KR:KOR KW:KWT KY:CYM KZ:KAZ LA:LAO LB:LBN LC:LCA LI:LIE LK:LKA LR:LBR LS:LSO
    LT:LTU LU:LUX LV:LVA LY:LBY MA:MAR MC:MCO MD:MDA ME:MNE MF:MAF MG:MDG MH:MHL MK:MKD
    ML:MLI MM:MMR MN:MNG MO:MAC MP:MNP MQ:MTQ MR:MRT MS:MSR MT:MLT MU:MUS MV:MDV MW:MWI
    MX:MEX MY:MYS MZ:MOZ NA:NAM NC:NCL NE:NER NF:NFK NG:NGA NI:NIC NL:NLD NO:NOR NP:NPL
    NR:NRU NU:NIU NZ:NZL OM:OMN PA:PAN PE:PER PF:PYF PG:PNG PH:PHL PK:PAK PL:POL PM:SPM
    PN:PCN PR:PRI PS:PSE PT:PRT PW:PLW PY:PRY QA:QAT RE:REU RO:ROU RS:SRB RU:RUS RW:RWA
    SA:SAU SB:SLB SC:SYC SD:SDN SE:SWE SG:SGP SH:SHN SI:SVN SJ:SJM SK:SVK SL:SLE SM:SMR
    SN:SEN SO:SOM SR:SUR SS:SSD ST:STP SV:SLV SX:SXM SY:SYR SZ:SWZ TC:TCA TD:TCD TF:ATF
    TG:TGO TH:THA TJ:TJK TK:TKL TL:TLS TM:TKM TN:TUN TO:TON TR:TUR TT:TTO TV:TUV TW:TWN
    TZ:TZA UA:UKR UG:UGA UM:UMI US:USA UY:URY UZ:UZB VA:VAT VC:VCT VE:VEN VG:VGB VI:VIR
    VN:VNM VU:VUT WF:WLF WS:WSM YE:YEM YT:MYT ZA:ZAF ZM:ZMB ZW:ZWE
"""

# Vehicle distinguishing signs that are not the country's ISO code, as used on the roads of
# the region and by the common European, American and Asian visitors. A sign that is another
# country's ISO code (Sri Lanka's CL is Chile's, El Salvador's ES is Spain's, Burundi's RU is
# Russia's...) is left out: the ISO meaning wins.
_VEHICLE_SIGNS = """
    A:AUT B:BEL E:ESP F:FRA H:HUN I:ITA J:JPN L:LUX M:MLT N:NOR P:PRT S:SWE
    V:VAT KS:KGZ RC:TWN MGL:MNG NEP:NPL ROK:KOR SLO:SVN NMK:MKD CDN:CAN KSA:SAU UAE:ARE HKJ:JOR
    RL:LBN RI:IDN RP:PHL RA:ARG RCH:CHL WAN:NGA EAK:KEN EAT:TZA EAU:UGA RSM:SMR RKS:RKS
    UK:GBR XK:RKS
"""

# ICAO's own spellings: Germany is "D" in every MRZ, so "DE" and "DEU" are read as "D".
_ICAO_OWN = {"DEU": "D", "DE": "D"}


def _pairs(table: str) -> dict[str, str]:
    return dict(pair.split(":") for pair in table.split())


ISO_ALPHA2: dict[str, str] = _pairs(_ISO_ALPHA2)
VEHICLE_SIGNS: dict[str, str] = _pairs(_VEHICLE_SIGNS)
# Every folded code -> the ICAO code; codes not in it are compared as written.
ICAO_CODES: dict[str, str] = ISO_ALPHA2 | VEHICLE_SIGNS | _ICAO_OWN


def icao_code(code: str) -> str:
    """The ICAO code of an upper-case country code or vehicle sign; unknown codes unchanged."""
    return ICAO_CODES.get(code, code)
