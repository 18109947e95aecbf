package java.util;

/**
 * A minimal Locale: the formatting code of this class library is locale-independent and behaves
 * as the JDK does in Locale.ROOT/US (decimal point '.', grouping ',' every 3 digits).
 */
public final class Locale implements Cloneable, java.io.Serializable {
    public static final Locale ROOT = new Locale("", "");
    public static final Locale ENGLISH = new Locale("en", "");
    public static final Locale US = new Locale("en", "US");
    public static final Locale UK = new Locale("en", "GB");

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
