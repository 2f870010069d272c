/// The US state abbreviations of the AP stylebook, which American news uses after a city
/// ("Lancaster, Pa."), in party labels ("R-Calif.") and in headlines ("Clinton Takes Pa.,
/// Md."). The gazetteer holds the two-letter postal codes only; these let an
/// abbreviation resolve to its state, so "Pa." and "Pennsylvania" are one place.
/// Alaska, Hawaii, Idaho, Iowa, Maine, Ohio, Texas and Utah are never abbreviated.
enum StateAbbreviations {
    static let states: [String: String] = [
        "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California", "Colo.": "Colorado",
        "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida", "Ga.": "Georgia", "Ill.": "Illinois",
        "Ind.": "Indiana", "Kan.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland",
        "Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi", "Mo.": "Missouri",
        "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire", "N.J.": "New Jersey",
        "N.M.": "New Mexico", "N.Y.": "New York", "N.C.": "North Carolina", "N.D.": "North Dakota",
        "Okla.": "Oklahoma", "Ore.": "Oregon", "Pa.": "Pennsylvania", "R.I.": "Rhode Island", "S.C.": "South Carolina",
        "S.D.": "South Dakota", "Tenn.": "Tennessee", "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington",
        "W.Va.": "West Virginia", "Wis.": "Wisconsin", "Wyo.": "Wyoming",
    ]
}
