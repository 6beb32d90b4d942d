"""Place vocabulary: common Norwegian poststeder (post towns) and the words street names end in.

:data:`POSTSTEDER` is used only to decide whether ``NNNN Word`` is a postnummer with its
poststed when no address or postnummer word is near. Not exhaustive on purpose: an all-caps
poststed (``0450 OSLO``), a context word or an enclosing street address are accepted without
it. The street words are shared by the address recognizer and by the normaliser, which writes
a house number said after a street name as digits (``fjordvegen tjuetre b``).
"""

from __future__ import annotations

import re

STREET_SUFFIXES: tuple[str, ...] = tuple(
    """
    gata gate gaten veien vegen vei veg allé alle alléen plass plassen stien stigen stig
    bakken svingen lia li løkka løkken brygge bryggen torget torg tunet tun kroken
    haugen åsen jordet vollen grenda sletta myra hagen parken terrassen kaia tangen vika
    stranda toppen lunden berget bråten kollen feltet linna tråkket engen enga marka gjerdet
    gården moen stredet smuget kleiva skogen bekken holtet tjernet vangen kaien viken stranden
    brygga haug voll myr grend boder bodene geaidnu gáhta
    """.split()
)
"""What a one-word street name ends in (``Storgata``, ``Skolevegen``, ``Granlia``, ``Solli``,
``Bakkegjerdet``, ``Åsgården``, Bergen's ``Skuteviksboder``), bokmål and nynorsk, and the
Sami ``geaidnu`` (road) and ``gáhta`` (street)."""
STREET_WORDS: tuple[str, ...] = tuple(
    """
    gate gata vei veg vegen veien allé alle plass terrasse stien bakke brygge torg torget kai
    park ring stredet smug løkke tun promenade
    """.split()
)
"""Street words written apart after a name in the genitive (``Kong Oscars gate``, ``Gamle
Drammens vei``)."""
NOT_STREETS = frozenset(
    """juli italia australia somalia mongolia barnehagen arbeidsplass arbeidsplassen
    sykehjemsplass sykehjemsplassen parkeringsplassen bondegården gardermoen""".split()
)
"""Words that end like a street name and are none. (``-ringen`` is left out of the street
words here: ``vurderingen``, ``endringen``; the address recognizer still reads it.)"""
_STREET_NAME = re.compile(
    rf"[^\W\d_][\w'-]+(?:{'|'.join(s for s in STREET_SUFFIXES if len(s) > 2)})"
    r"|[^\W\d_][\w'-]{2,}li"
)
"""A stem of two letters or more before the street word (three before ``li``): ``Granlia``
and ``Solli`` are street names; ``lia`` (a hillside), ``bakken`` (the ground), ``vegen`` (the
way) and ``kali`` are not."""


def is_street_name(word: str) -> bool:
    """True when the lower-case ``word`` is a one-word street name (``solbakken``,
    ``márkanvegen``): a stem of two letters or more and a street word at the end."""
    return (
        word.endswith(STREET_SUFFIXES)
        and word not in NOT_STREETS
        and _STREET_NAME.fullmatch(word) is not None
    )


POSTSTEDER: frozenset[str] = frozenset(
    """
    oslo bergen trondheim stavanger drammen fredrikstad kristiansand sandnes tromsø
    sarpsborg skien ålesund sandefjord haugesund tønsberg moss porsgrunn bodø arendal
    hamar larvik halden lillehammer molde harstad kongsberg gjøvik horten askøy
    lillestrøm jessheim ski kolbotn asker sandvika lysaker bekkestua billingstad
    nesbru hvalstad slependen rykkinn bærums drøbak ås vestby son hølen råde rygge
    mysen askim spydeberg ørje rakkestad skjeberg hokksund mjøndalen lier liertoppen
    svelvik sande holmestrand revetal stokke andebu nøtterøy tjøme kjøpmannskjær
    stavern kvelde brunlanes siljan langesund stathelle bamble brevik herre kragerø
    notodden bø seljord kviteseid rjukan vinje dalen
    grimstad lillesand risør tvedestrand vennesla mandal farsund flekkefjord kvinesdal
    lyngdal vigeland søgne nodeland evje hornnes byglandsfjord
    egersund bryne nærbø klepp kleppe hommersåk jørpeland tau forsand sauda kopervik
    åkrehamn skudeneshavn kvitsøy stord leirvik bømlo odda voss osøyro os knarvik
    førde florø sogndal lærdal årdal leikanger nordfjordeid stryn måløy sandane
    kristiansund sunndalsøra surnadal orkanger melhus støren oppdal røros malvik
    hommelvik stjørdal levanger verdal steinkjer namsos rørvik mosjøen mo sandnessjøen
    brønnøysund fauske narvik svolvær leknes sortland stokmarknes andenes finnsnes
    alta hammerfest vadsø vardø kirkenes lakselv karasjok kautokeino tana honningsvåg
    longyearbyen elverum kongsvinger brumunddal moelv stange løten trysil tynset
    raufoss lena dokka fagernes gol geilo hønefoss jevnaker nesbyen hemsedal
    kløfta nittedal hagan skedsmokorset strømmen fjerdingby sørumsand årnes
    nannestad gardermoen eidsvoll hurdal mysen fetsund bjørkelangen aurskog
    nordre tangen ulsteinvik volda ørsta stranda sykkylven brattvåg åndalsnes
    vestnes sunndal averøy eide fosnavåg hareid spjelkavik
    fornebu stabekk høvik haslum gjettum snarøya heggedal vettre langhus oppegård tårnåsen
    sofiemyr nesoddtangen fjellhamar lørenskog kjeller frogner sørum blaker hakadal gjerdrum
    råholt minnesund auli vormsund skarnes løken rømskog jeløy grålum gressvik kråkerøy
    rolvsøy trøgstad båstad skjærhalden lierskogen tranby røyken slemmestad tofte sætre åros
    spikkestad nærsnes vikersund åmot geithus prestfoss noresund flå ål torpo uvdal rødberg
    darbu skollenborg svene lampeland sundvollen sokna åsgårdstrand ulefoss gvarv vrådal
    fyresdal drangedal sannidal vågsbygd birkeland froland tonstad hovden bykle brandbu jaren
    biri vinstra otta vågå dombås ringebu lesja skjåk bismo heidal ottestad ilseng rena
    koppang alvdal folldal tolga engerdal drevsjø flisa kirkenær grue
    sola tananger hundvåg randaberg madla hafrsfjord forus ålgård varhaug vigrestad
    avaldsnes vedavågen sveio etne ølen nesttun fyllingsdalen loddefjord ulset nyborg paradis
    rådal laksevåg godvik straume kolltveit frekhaug isdalstø manger svortland husnes
    rosendal kinsarvik lofthus eidfjord norheimsund øystese vaksdal strandebarm jondal
    hermansverk balestrand høyanger naustdal loen innvik hyllestad askvoll hellesylt
    geiranger valderøya elnesvågen hjelset tingvoll batnfjordsøra
    ranheim heimdal tiller klett spongdal fannrem levanger snåsa grong kolvereid selbu
    meråker brekstad rissa åfjord frosta straumen kyrksæterøra fillan
    tromsdalen kvaløysletta storsteinnes bardufoss setermoen sjøvegan skjervøy storslett
    olderdalen lyngseidet båtsfjord berlevåg mehamn kjøllefjord bjørnevatn ballangen
    kjøpsvik ørnes glomfjord inndyr rognan melbu myre stamsund gravdal reine ramberg
    bjerkvik evenskjer gibostad hansnes hemnesberget korgen nesna trofors hattfjelldal hosle
    guovdageaidnu kárášjohka deatnu unjárga
    """.split()
)
"""Common poststeder in lower case, Norwegian and Sami names."""
PLACE_UPPER = "A-ZÆØÅÁČĐŊŠŦŽÄÖÜÉ"
PLACE_LOWER = "a-zæøåáčđŋšŧžäöüé"
"""Norwegian, Sami (``Čávžovuoddu``, ``Kárášjohka``) and common foreign letters of place
names, as regex class bodies."""
_PLACE_AFTER = re.compile(rf",?[ \t]+([{PLACE_UPPER}{PLACE_LOWER}][{PLACE_LOWER}\-]+)(?!\w)")


def poststed_after(text: str, end: int) -> int:
    """Where an address ending at ``end`` ends with the known poststed right after it, if one
    is (``Storgata 5 Bergen``, ``grimmergata 11, ålesund``): the town is part of it."""
    place = _PLACE_AFTER.match(text, end)
    known = place is not None and len(place[1]) >= 3 and place[1].lower() in POSTSTEDER
    return place.end() if place is not None and known else end
