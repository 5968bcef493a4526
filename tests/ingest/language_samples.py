"""News-like paragraphs in other languages, and English that a detector could mistake, for the language tests."""

GERMAN = (
    "Bundeskanzler kündigt neue Hilfen an\n\n"
    "Die Bundesregierung will Familien mit niedrigen Einkommen stärker entlasten. „Wir lassen niemanden allein“, "
    "sagte der Kanzler am Montag in Berlin. Die Opposition kritisierte die Pläne als unzureichend und forderte "
    "eine Debatte im Bundestag noch vor der Sommerpause. Ein Sprecher des Finanzministeriums erklärte, die Kosten "
    "seien im Haushalt bereits berücksichtigt."
)
SPANISH = (
    "El Gobierno anuncia nuevas ayudas\n\n"
    "El presidente del Gobierno anunció el lunes un paquete de medidas para las familias con menos ingresos. "
    "«No vamos a dejar a nadie atrás», dijo en una rueda de prensa en Madrid. La oposición criticó el plan y pidió "
    "un debate en el Congreso antes del verano, mientras los sindicatos lo calificaron de insuficiente."
)
FRENCH = (
    "Le gouvernement annonce de nouvelles aides\n\n"
    "Le Premier ministre a annoncé lundi un ensemble de mesures pour les familles les plus modestes. « Nous ne "
    "laisserons personne de côté », a-t-il déclaré lors d'une conférence de presse à Paris. L'opposition a jugé "
    "le plan insuffisant et réclamé un débat à l'Assemblée nationale avant l'été."
)
KOREAN = (
    "정부, 새로운 지원책 발표\n\n"
    "정부는 월요일 저소득 가정을 위한 새로운 지원책을 발표했다. 총리는 서울에서 열린 기자회견에서 \"우리는 누구도 "
    "뒤에 남겨두지 않을 것\"이라고 말했다. 야당은 이번 계획이 충분하지 않다고 비판하며 여름 휴회 전에 국회에서 "
    "토론할 것을 요구했다. 재무부 대변인은 비용이 이미 예산에 반영되어 있다고 설명했다. 시민단체들은 지원 대상이 "
    "너무 좁다고 지적했다."
)
NAMES = (
    "Jean-Luc Mélenchon, François Bayrou, Zoë Müller, Søren Kierkegaard Østergaard, Jürgen Klinsmann, "
    "Björn Ulvaeus, José Luis Rodríguez Zapatero, Nguyễn Thị Minh Khai, Bolesław Prus and Dolores Ibárruri "
    "all said on Tuesday that the talks in Brussels would go on."
)
