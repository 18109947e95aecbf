package java.util;

/**
 * A minimal Locale: language and country, the common constants, and the number symbols that
 * Formatter uses (decimal and grouping separators as in JDK 17's CLDR data for the languages
 * listed in decimalSeparator/groupingSeparator; all others use '.' and ',').
 */
public final class Locale implements Cloneable, java.io.Serializable {
    public static final Locale ROOT = new Locale("", "");
    public static final Locale ENGLISH = new Locale("en", "");
    public static final Locale US = new Locale("en", "US");
    public static final Locale UK = new Locale("en", "GB");
    public static final Locale CANADA = new Locale("en", "CA");
    public static final Locale GERMAN = new Locale("de", "");
    public static final Locale GERMANY = new Locale("de", "DE");
    public static final Locale FRENCH = new Locale("fr", "");
    public static final Locale FRANCE = new Locale("fr", "FR");
    public static final Locale ITALIAN = new Locale("it", "");
    public static final Locale ITALY = new Locale("it", "IT");
    public static final Locale JAPANESE = new Locale("ja", "");
    public static final Locale JAPAN = new Locale("ja", "JP");
    public static final Locale CHINESE = new Locale("zh", "");
    public static final Locale CHINA = new Locale("zh", "CN");
    public static final Locale KOREAN = new Locale("ko", "");
    public static final Locale KOREA = new Locale("ko", "KR");

    private final String language;
    private final String country;

    public Locale(String language, String country) {
        this.language = language.toLowerCase();
        this.country = country.toUpperCase();
    }

    public Locale(String language) {
        this(language, "");
    }

    public static Locale getDefault() {
        return US;
    }

    public String getLanguage() {
        return language;
    }

    public String getCountry() {
        return country;
    }

    public static Locale forLanguageTag(String tag) {
        String[] parts = tag.split("-");
        return new Locale(parts[0], parts.length > 1 ? parts[1] : "");
    }

    public String toLanguageTag() {
        return country.isEmpty() ? (language.isEmpty() ? "und" : language) : language + "-" + country;
    }

    /** The decimal separator of numbers formatted in this locale. */
    char decimalSeparator() {
        switch (language) {
            case "de": case "fr": case "it": case "es": case "pt": case "nl": case "da": case "ru": case "pl": case "cs":
            case "sv": case "fi": case "nb": case "no": case "uk": case "tr": case "id": case "el": case "ro": case "hu":
                return (language.equals("de") && (country.equals("CH") || country.equals("LI"))) ? '.' : ',';
            default:
                return '.';
        }
    }

    /** The grouping separator of numbers formatted in this locale. */
    char groupingSeparator() {
        switch (language) {
            case "de":
                return (country.equals("CH") || country.equals("LI")) ? '\u2019' : '.';
            case "it": case "es": case "pt": case "nl": case "da": case "tr": case "id": case "el": case "ro":
                return '.';
            case "fr":
                return '\u202f';
            case "ru": case "pl": case "cs": case "sv": case "fi": case "nb": case "no": case "uk": case "hu":
                return '\u00a0';
            default:
                return ',';
        }
    }

    @Override public String toString() {
        if (country.isEmpty()) return language;
        return language + "_" + country;
    }

    @Override public boolean equals(Object o) {
        return o instanceof Locale l && l.language.equals(language) && l.country.equals(country);
    }

    @Override public int hashCode() {
        return language.hashCode() * 31 + country.hashCode();
    }
}
