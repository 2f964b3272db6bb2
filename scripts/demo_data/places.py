"""Reference places and names of the demo: the communes of each filiale's territory, the
suppliers' surnames and legal forms, the residences of each filiale's housing stock."""

# (INSEE commune code, postal code, name)
IDF = (
    ("75111", "75011", "Paris 11e"),
    ("75115", "75015", "Paris 15e"),
    ("75118", "75018", "Paris 18e"),
    ("75120", "75020", "Paris 20e"),
    ("92050", "92000", "Nanterre"),
    ("92012", "92100", "Boulogne-Billancourt"),
    ("92025", "92700", "Colombes"),
    ("93066", "93200", "Saint-Denis"),
    ("93048", "93100", "Montreuil"),
    ("93001", "93300", "Aubervilliers"),
    ("94028", "94000", "Créteil"),
    ("94081", "94400", "Vitry-sur-Seine"),
    ("95127", "95000", "Cergy"),
    ("95018", "95100", "Argenteuil"),
    ("78646", "78000", "Versailles"),
    ("78586", "78500", "Sartrouville"),
    ("91228", "91000", "Évry-Courcouronnes"),
    ("91377", "91300", "Massy"),
    ("77288", "77000", "Melun"),
    ("77284", "77100", "Meaux"),
)
REUNION = (
    ("97411", "97400", "Saint-Denis"),
    ("97416", "97410", "Saint-Pierre"),
    ("97407", "97420", "Le Port"),
    ("97422", "97430", "Le Tampon"),
    ("97415", "97460", "Saint-Paul"),
    ("97409", "97440", "Saint-André"),
    ("97414", "97450", "Saint-Louis"),
    ("97408", "97419", "La Possession"),
    ("97418", "97438", "Sainte-Marie"),
    ("97410", "97470", "Saint-Benoît"),
)
PACA_CORSE = (
    ("13055", "13003", "Marseille"),
    ("13055", "13014", "Marseille"),
    ("13001", "13100", "Aix-en-Provence"),
    ("13004", "13200", "Arles"),
    ("83137", "83000", "Toulon"),
    ("83069", "83400", "Hyères"),
    ("84007", "84000", "Avignon"),
    ("06088", "06000", "Nice"),
    ("06029", "06400", "Cannes"),
    ("2A004", "20000", "Ajaccio"),
    ("2A247", "20137", "Porto-Vecchio"),
    ("2B033", "20200", "Bastia"),
    ("2B096", "20250", "Corte"),
)
RHONE_ALPES = (
    ("69123", "69003", "Lyon"),
    ("69123", "69008", "Lyon"),
    ("69266", "69100", "Villeurbanne"),
    ("69259", "69200", "Vénissieux"),
    ("69029", "69500", "Bron"),
    ("38185", "38000", "Grenoble"),
    ("42218", "42000", "Saint-Étienne"),
    ("01053", "01000", "Bourg-en-Bresse"),
    ("73065", "73000", "Chambéry"),
    ("74010", "74000", "Annecy"),
)
# Suppliers from outside a filiale's territory.
ELSEWHERE = (
    ("33063", "33000", "Bordeaux"),
    ("59350", "59000", "Lille"),
    ("67482", "67000", "Strasbourg"),
    ("44109", "44000", "Nantes"),
    ("31555", "31000", "Toulouse"),
    ("35238", "35000", "Rennes"),
    ("76540", "76000", "Rouen"),
    ("75108", "75008", "Paris 8e"),
    ("69123", "69002", "Lyon"),
    ("13055", "13008", "Marseille"),
    ("2A004", "20090", "Ajaccio"),
    ("2B033", "20600", "Bastia"),
    ("97411", "97400", "Saint-Denis"),
    ("97209", "97200", "Fort-de-France"),
)

SURNAMES_METRO = (
    "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
    "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "Bertrand",
    "Roux", "Vincent", "Fournier", "Morel", "Girard", "Mercier", "Dupont", "Lambert",
    "Bonnet", "François", "Martinez", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc",
    "Guérin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin", "Morin", "Mathieu",
)  # fmt: skip
SURNAMES = {
    "SIDR": (
        "Payet", "Hoarau", "Grondin", "Fontaine", "Rivière", "Técher", "Boyer", "Robert",
        "Maillot", "Dijoux", "Lebon", "Nativel", "Huet", "Turpin", "Ethève", "Lauret",
        "Ramassamy", "Clain", "Gonthier", "Morel",
    ),
    "ERILIA": (
        "Santoni", "Pietri", "Casanova", "Leca", "Albertini", "Luciani", "Giudicelli",
        "Castellani", "Ferrari", "Orsini", "Giraud", "Roux", "Bonnet", "Blanc", "Arnaud",
        "Rey", "Fabre", "Gauthier", "Olivier", "Michel",
    ),
}  # fmt: skip
FORMS = ("SAS", "SARL", "SA", "EURL", "SASU", "SAS", "SARL")
RESIDENCES = {
    "SEQENS": ("Les Tilleuls", "Le Parc", "La Roseraie", "Les Peupliers", "Le Clos Fleuri",
               "Les Terrasses", "Cité des Fleurs", "Le Belvédère", "Les Érables", "Le Moulin"),
    "SIDR": ("Les Flamboyants", "Les Filaos", "Les Tamarins", "Ravine Blanche", "Les Vacoas",
             "Bois de Nèfles", "Les Songes", "Le Butor", "Les Letchis", "Ti Case"),
    "ERILIA": ("Les Oliviers", "La Calanque", "Les Pins", "U Borgu", "Les Salines",
               "Le Mistral", "La Bastide", "Les Lauriers", "Le Vallon", "Les Cigales"),
    "ALLIADE": ("Les Marronniers", "La Soie", "Les Canuts", "Le Confluent", "Les Balmes",
                "Les Platanes", "La Duchère", "Le Mont Cindre", "Les Vergers", "Le Grand Clos"),
}  # fmt: skip
