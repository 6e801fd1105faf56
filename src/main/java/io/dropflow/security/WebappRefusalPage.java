package io.dropflow.security;

import io.dropflow.web.BrowserErrorPage;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The page a person sees when a webapp refuses them although they are logged in: Camunda's webapps keep one login for
 * Tasklist, Cockpit and Admin in the browser's session, so after working in Tasklist as {@code mary}, opening Cockpit
 * (for {@code demo}) was refused with a bare 403 ({@code "detail": "Forbidden"}), no login form and no word of why.
 * The page names the user and the app, says to log out first (from an app the user may open, where the user menu
 * has "Log out") or to use a private window, and links there. In English, or in Chinese for a browser that prefers it.
 */
@Component
class WebappRefusalPage implements BrowserErrorPage {

    private static final Pattern APP_PAGE = Pattern.compile("^(.*)/app/(tasklist|cockpit|admin)(/.*)?$");
    private static final List<String> APPS = List.of("tasklist", "cockpit", "admin");

    private final CamundaWebappLogin login;
    /** The demo's users exist (not in production, where the page names no credentials: review s14 F9). */
    private final boolean demo;

    WebappRefusalPage(CamundaWebappLogin login, org.springframework.core.env.Environment environment) {
        this.login = login;
        this.demo = !environment.acceptsProfiles(org.springframework.core.env.Profiles.of(RequiredSecrets.PRODUCTION));
    }

    @Override
    public Optional<String> html(HttpServletRequest request, int status, String path) {
        Matcher page = APP_PAGE.matcher(path);
        Optional<String> user = login.userOf(request);
        if (status != 403 || !page.matches() || user.isEmpty()) {
            return Optional.empty();
        }
        String base = page.group(1) + "/app/";
        String app = page.group(2);
        Set<String> may = login.appsOf(request);
        // Log out where the user may go: an app of theirs, else the welcome page every user may open
        String out = APPS.stream().filter(a -> !a.equals(app) && may.contains(a)).findFirst().orElse("welcome");
        List<String> links = new ArrayList<>();
        for (String a : APPS) {
            if (may.contains(a)) {
                links.add("<a href=\"" + base + a + "/default/\">" + name(a) + "</a>");
            }
        }
        boolean chinese = request.getLocale() != null && "zh".equals(request.getLocale().getLanguage());
        String who = "<b>" + HtmlUtils.htmlEscape(user.get()) + "</b>";
        String logOutAt = "<a href=\"" + base + out + "/default/\">" + name(out) + "</a>";
        String here = "<a href=\"" + base + app + "/default/\">" + name(app) + "</a>";
        String mayUse = links.isEmpty() ? "" : String.join(", ", links);
        String title;
        String body;
        if (chinese) {
            title = name(app) + " 不对用户 " + HtmlUtils.htmlEscape(user.get()) + " 开放";
            body = "<p>此浏览器已以 " + who + " 登录 Camunda 应用，该用户无权使用 " + name(app) + "。Tasklist、Cockpit 和 Admin"
                    + " 在同一浏览器中共用一个登录。</p><p>请先退出：打开 " + logOutAt + "，在右上角的用户菜单中选择“注销”"
                    + "（Log out），然后回到 " + here + "，以有权使用它的用户登录" + (demo ? "（演示环境：demo/demo）" : "") + "。"
                    + "也可以在浏览器的隐私窗口中打开 " + here + "。</p>"
                    + (mayUse.isEmpty() ? "" : "<p>" + who + " 可以使用：" + mayUse + "。</p>");
        } else {
            title = name(app) + " is not open to " + HtmlUtils.htmlEscape(user.get());
            body = "<p>This browser is logged in to Camunda's webapps as " + who + ", who may not use " + name(app)
                    + ". Tasklist, Cockpit and Admin share one login in a browser.</p><p>Log out first: open " + logOutAt
                    + " and choose <i>Log out</i> in the user menu at the top right, then come back to " + here
                    + " and log in as a user who may use it" + (demo ? " (in the demo: demo/demo)" : "") + ". Or open " + here
                    + " in a private window of the browser.</p>"
                    + (mayUse.isEmpty() ? "" : "<p>" + who + " may use " + mayUse + ".</p>");
        }
        return Optional.of("<!DOCTYPE html>\n<html lang=\"" + (chinese ? "zh-CN" : "en") + "\"><head><meta charset=\"utf-8\">"
                + "<title>" + title + "</title></head><body style=\"font-family: sans-serif; max-width: 40em;"
                + " margin: 3em auto\"><h1>" + title + "</h1>" + body + "</body></html>\n");
    }

    private static String name(String app) {
        return app.substring(0, 1).toUpperCase(Locale.ROOT) + app.substring(1);
    }
}
