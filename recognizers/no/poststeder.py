"""Common Norwegian poststeder (post towns), lower-cased.

Used only to decide whether ``NNNN Word`` is a postnummer with its poststed when no address
or postnummer word is near. Not exhaustive on purpose: an all-caps poststed (``0450 OSLO``),
a context word or an enclosing street address are accepted without it.
"""

from __future__ import annotations

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
    """.split()
)
