package io.jixiao.platform.problem;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Problem texts in zh-CN (default) and English, chosen from the request's Accept-Language. */
public final class Messages {

    public static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private Messages() {
    }

    /** The language of a JAX-RS request (resources, exception mappers): its Accept-Language, zh-CN by default. */
    public static Locale of(jakarta.ws.rs.core.HttpHeaders headers) {
        return pick(headers.getAcceptableLanguages());
    }

    /** The language of a request seen by a JAX-RS filter. */
    public static Locale of(jakarta.ws.rs.container.ContainerRequestContext request) {
        return pick(request.getAcceptableLanguages());
    }

    /**
     * First acceptable language we speak; zh-CN otherwise. Code reads a request's language through
     * {@link #of}; budget's ImportResource still calls this until the import rewrite lands.
     */
    public static Locale pick(List<Locale> acceptable) {
        if (acceptable != null) {
            for (Locale l : acceptable) {
                if ("zh".equals(l.getLanguage())) {
                    return ZH;
                }
                if ("en".equals(l.getLanguage())) {
                    return Locale.ENGLISH;
                }
            }
        }
        return ZH;
    }

    /** The language of a raw Accept-Language header (for handlers below JAX-RS); zh-CN when absent or unreadable. */
    public static Locale fromHeader(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return ZH;
        }
        try {
            return pick(Locale.LanguageRange.parse(acceptLanguage).stream()
                    .map(r -> Locale.forLanguageTag(r.getRange())).toList());
        } catch (IllegalArgumentException e) {
            return ZH;
        }
    }

    /**
     * The service's own bundle ({@code service-messages}) is read first, so each service keeps its
     * texts beside its code; the platform's {@code problem-messages} holds the shared ones.
     */
    public static String text(Locale locale, String code, Object... args) {
        Locale bundleLocale = "en".equals(locale.getLanguage()) ? Locale.ENGLISH : ZH;
        for (String name : BUNDLES) {
            String pattern = lookup(name, bundleLocale, code);
            if (pattern != null) {
                return args == null || args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
            }
        }
        return code;
    }

    private static final List<String> BUNDLES = List.of("service-messages", "problem-messages");

    private static String lookup(String bundleName, Locale locale, String code) {
        try {
            return ResourceBundle.getBundle(bundleName, locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                    .getString(code);
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
