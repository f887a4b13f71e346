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

    /** First acceptable language we speak; zh-CN otherwise. */
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

    public static String text(Locale locale, String code, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle("problem-messages",
                "en".equals(locale.getLanguage()) ? Locale.ENGLISH : ZH,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        try {
            String pattern = bundle.getString(code);
            return args == null || args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
        } catch (MissingResourceException e) {
            return code;
        }
    }
}
