package io.dropflow.carrier.kuaidi100;

import io.dropflow.carrier.internal.CarrierCallHeldBack;
import io.dropflow.carrier.CarrierAdapter;
import io.dropflow.carrier.Consignee;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropflow.carrier.CarrierUnavailableException;
import io.dropflow.carrier.TrackingRegistrationRefused;
import io.dropflow.partners.PartnerBinding;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Kuaidi100's subscription and real-time query, form-encoded as its documentation says. Network
 * failures, timeouts and its server errors are worth retrying ({@link CarrierUnavailableException});
 * an account or parameter error is not, and says so.
 */
@Component
@Order(1)
public class Kuaidi100Client implements CarrierAdapter, PartnerBinding {

    private static final Logger log = LoggerFactory.getLogger(Kuaidi100Client.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * {@code resultv2=4}: "开通行政解析功能以及物流轨迹增加物流高级状态名称、状态值" (Kuaidi100's 订阅推送 and 实时快递查询
     * pages; its SDK kuaidi100-api/java-demo, SubscribeParameters and QueryTrackParam): the parcel's state and
     * each record's statusCode come as detailed codes (e.g. 1002, 501, 301), mapped by {@link Kuaidi100States},
     * with the area names resultv2=1 gave.
     */
    static final String RESULT_V2 = "4";

    private final Kuaidi100Settings settings;
    private final HttpClient http;
    private final io.dropflow.partners.PartnerCalls calls;

    Kuaidi100Client(Kuaidi100Settings settings, io.dropflow.partners.PartnerCalls calls) {
        this.settings = settings;
        this.calls = calls;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.connectTimeout())
                .build();
    }

    /** What a subscription refused with 700 lacks, as the order's timeline says it ("… without the …"). */
    static final String SUBSCRIPTION_DATA = "valid company code, number and callback address";

    static final String CALLBACK_SETTINGS = "dropflow.carriers.kuaidi100.callback-url (DROPFLOW_KUAIDI100_CALLBACK_URL), "
            + ".https-callback-enabled (DROPFLOW_KUAIDI100_HTTPS_CALLBACK_ENABLED)";

    /**
     * Carriers listed for Kuaidi100 without the account's customer, key or salt, or with an https callback URL
     * Kuaidi100 has not been asked to call: its subscription page (https://api.kuaidi100.com/document/5f0ffa8f2977d50a94e1023c,
     * callbackurl) says "回调接口的地址，默认仅支持http，如需兼容https请联系快递100技术人员处理" (only http by default;
     * https needs Kuaidi100's technical staff). Such a callback would have every subscription refused (700, wrong
     * callback address) or never pushed to, and the parcels followed by the 12-hour polling fallback only.
     */
    @Override
    public List<Unbound> unbound() {
        return settings.unbound();
    }

    @Override
    public boolean follows(String carrierCode) {
        return settings.companyFor(carrierCode).isPresent();
    }

    /**
     * Subscribes to pushes for a parcel, with the consignee's phone: Kuaidi100's subscription page says
     * {@code phone} is required for SF Express (顺丰单号必填) and optional otherwise
     * (https://api.kuaidi100.com/document/5f0ffa8f2977d50a94e1023c). Subscribing the same number again
     * is harmless: Kuaidi100 answers 501 (重复订阅, already subscribed and still followed: Kuaidi100's own column,
     * https://cloud.tencent.com/developer/article/1828132), which counts as done.
     */
    @Override
    public void register(String carrierCode, String trackingNumber, Consignee consignee) {
        subscribe(company(carrierCode), trackingNumber, consignee.phone());
    }

    /**
     * Subscribes again, with the phone the parcel was first subscribed with, after Kuaidi100 stopped
     * following it ({@code abort}); "already subscribed" counts as done.
     */
    void resubscribe(String company, String trackingNumber, String consigneePhone) {
        subscribe(company, trackingNumber, consigneePhone);
    }

    private void subscribe(String company, String trackingNumber, String consigneePhone) {
        String carrierCode = company;
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("callbackurl", settings.callbackUrl());
        parameters.put("salt", settings.salt());
        parameters.put("resultv2", RESULT_V2);
        Map<String, Object> param = new LinkedHashMap<>();
        param.put("company", company);
        param.put("number", trackingNumber);
        param.put("key", settings.key());
        String phone = phoneForKuaidi100(consigneePhone);
        if (phone != null) {
            parameters.put("phone", phone);
        }
        param.put("parameters", parameters);
        JsonNode answer = post("poll", settings.pollUrl(), Map.of("schema", "json", "param", json(param)));
        String code = answer.path("returnCode").asText();
        // The subscription's return codes as Kuaidi100's own column lists them (author 快递100API,
        // https://cloud.tencent.com/developer/article/1828132, a copy of its 订阅推送 document): 200 提交成功; 501 重复订阅
        // ("这张单已经订阅成功且目前还在跟踪过程中…忽略您最新的此次订阅请求": already followed, so done); 500 服务器错误
        // (Kuaidi100's passing fault: retried); 600 not a valid subscriber, 601 key expired, 701 company refused,
        // 702 company not recognised (the account's or the settings': an incident); 700 (below). 502 and 503 are not
        // on Kuaidi100's subscription list; should they come, they are taken as passing faults like 500.
        if (answer.path("result").asBoolean(false) || "200".equals(code) || "501".equals(code)) {
            return;
        }
        if ("500".equals(code) || "502".equals(code) || "503".equals(code)) {
            throw new CarrierUnavailableException("Kuaidi100 could not take the subscription of " + trackingNumber
                    + " now (" + code + " " + answer.path("message").asText() + "); " + CarrierUnavailableException.RETRIED, null);
        }
        if ("700".equals(code)) {
            // 700: "订阅方的订阅数据存在错误（如不支持的快递公司、单号为空、单号超长等）或错误的回调地址" (Kuaidi100's own
            // column, https://cloud.tencent.com/developer/article/1828132); an https callback counts as wrong until
            // Kuaidi100 enables https for the account (subscription page, callbackurl: "默认仅支持http").
            // Final (a retry changes nothing): the order goes on and the silent parcel reaches an operator
            String ours = settings.carrierFor(company).orElse(company);
            throw new TrackingRegistrationRefused(ours, trackingNumber, SUBSCRIPTION_DATA,
                    "Kuaidi100 refused the subscription of " + ours + " " + trackingNumber
                    + ": 700 " + answer.path("message").asText() + " (the subscription's data or its callback address is"
                    + " wrong). Ask the supplier for the parcel's right carrier and number, or follow it by hand. Should"
                    + " every subscription be refused: the callback address sent was " + settings.callbackUrl()
                    + (settings.httpsCallback() ? ", https, which Kuaidi100 calls only once it has enabled https for the"
                            + " account" : "") + ": check " + CALLBACK_SETTINGS + ", and the company code of carrier "
                    + ours + " in dropflow.carriers.kuaidi100.companies");
        }
        throw new IllegalStateException("Kuaidi100 refused the subscription of " + carrierCode + " " + trackingNumber
                + ": " + code + " " + answer.path("message").asText()
                + " (check dropflow.carriers.kuaidi100: key, companies)");
    }

    /** A mainland mobile number at the start, with or without +86, its digits perhaps grouped by spaces or dashes. */
    private static final Pattern MOBILE = Pattern.compile("^\\s*(?:(?:\\+|00)?86[\\s-]*)?1[3-9]\\d(?:[\\s-]*\\d){8}");
    /** A landline at the start: area code (0…, perhaps in brackets), then the number of 7 or 8 digits. */
    private static final Pattern LANDLINE = Pattern.compile("^\\s*(?:(?:\\+|00)?86[\\s-]*)?\\(?0\\d{2,3}\\)?[\\s-]*\\d(?:\\s*\\d){6,7}");
    /** What starts an extension: "ext", "x", "转", "分机", "#", or a dialling pause. */
    private static final Pattern EXTENSION = Pattern.compile("(?i)(?:ext\\.?|x|转|分机|#|,|;)");

    /**
     * The consignee's phone as Kuaidi100 wants it: the last four digits of the number, never an extension;
     * for an e-commerce virtual number ("13800138000-1234") the four digits after the "-". Kuaidi100's real-time
     * query page (https://api.kuaidi100.com/document/5f0ffb5ebc8da837cbd8aefc, param.phone): "如座机号码有分机号，
     * 分机号无需传入；如号码是电商虚拟号码需传入“-“后的后四位"; its SDK (kuaidi100-api/java-demo,
     * SubscribeParameters.phone): "顺丰单号必填，也可以填写后四位，如果是固话，请不要上传分机号". Four digits are what
     * the carriers check and all Kuaidi100 needs; nothing more of the consignee's number leaves Dropflow.
     * A mobile number has no extension, so four digits after it (by "-", "转", "ext"…) are a virtual number's.
     *
     * @return null when the phone has no digit
     */
    static String phoneForKuaidi100(String phone) {
        if (phone == null) {
            return null;
        }
        Matcher mobile = MOBILE.matcher(phone);
        if (mobile.lookingAt()) {
            String after = phone.substring(mobile.end());
            String virtual = digits(after);
            if (virtual.length() == 4 && after.strip().matches("(?is)(?:-|－|转|分机|ext\\.?|x|#)\\s*\\d{4}")) {
                return virtual;
            }
            return lastFour(digits(mobile.group()));
        }
        Matcher landline = LANDLINE.matcher(phone);
        if (landline.lookingAt()) {
            return lastFour(digits(landline.group()));
        }
        Matcher extension = EXTENSION.matcher(phone);
        String number = extension.find() ? phone.substring(0, extension.start()) : phone;
        String digits = digits(number);
        return digits.isEmpty() ? null : lastFour(digits);
    }

    private static String digits(String text) {
        return text.replaceAll("[^0-9]", "");
    }

    private static String lastFour(String digits) {
        return digits.length() <= 4 ? digits : digits.substring(digits.length() - 4);
    }

    /** The parcel's current state and records, as Kuaidi100 knows them now. */
    public JsonNode query(String carrierCode, String trackingNumber) {
        return query(carrierCode, trackingNumber, null);
    }

    /**
     * The parcel's current state and records, asked with the consignee's phone: the real-time query's
     * {@code phone} is required for SF Express as the subscription's is (收、寄件人的电话号码, 顺丰速运必填;
     * https://api.kuaidi100.com/document/5f0ffb5ebc8da837cbd8aefc, and Kuaidi100's own SDK
     * kuaidi100-api/java-demo QueryTrackParam.phone). Without it Kuaidi100 answers 408 and the polling
     * fallback never learns anything about an SF parcel.
     */
    public JsonNode query(String carrierCode, String trackingNumber, String consigneePhone) {
        Map<String, Object> param = new LinkedHashMap<>();
        param.put("com", company(carrierCode));
        param.put("num", trackingNumber);
        String phone = phoneForKuaidi100(consigneePhone);
        if (phone != null) {
            param.put("phone", phone);
        }
        param.put("resultv2", RESULT_V2);
        String paramJson = json(param);
        JsonNode answer = post("query", settings.queryUrl(), Map.of("customer", settings.customer(), "param", paramJson,
                "sign", querySign(paramJson, settings.key(), settings.customer())));
        String code = answer.path("returnCode").asText("");
        if (answer.has("returnCode") && !"200".equals(code)) {
            if ("500".equals(code)) {
                return JSON.createObjectNode(); // no record yet (查询无结果)
            }
            // No page of Kuaidi100's own in reach has the real-time query's return codes (searched again on
            // 2026-12-08): what is in reach of its query page (5f0ffb5e…), its column's copy of that page
            // (cloud.tencent.com/developer/article/1825387) and its SDKs (kuaidi100-api: java, go, python, nodejs,
            // php, Rust demos, uniapp, kuaidi100-MCP) carry none. Five independent integrations copy the same table
            // from Kuaidi100's older query document: 501 服务器错误 (server error, service paused), 502 服务器繁忙 (busy),
            // 503 验证签名失败 (sign verification failed). The first two pass; the third is our key or customer, and
            // asking again changes nothing. Whatever a code means, the parcel is asked again after poll-after only
            // (docs/partners/kuaidi100.md).
            if ("501".equals(code) || "502".equals(code)) {
                throw new CarrierUnavailableException("Kuaidi100 could not answer for " + trackingNumber + " now (" + code
                        + " " + answer.path("message").asText() + "); " + CarrierUnavailableException.RETRIED, null);
            }
            if ("503".equals(code)) {
                throw new IllegalStateException("Kuaidi100 refused the query's signature for " + trackingNumber + " (503 "
                        + answer.path("message").asText() + "): check dropflow.carriers.kuaidi100.key and "
                        + "dropflow.carriers.kuaidi100.customer (the query is signed with both)");
            }
            throw new IllegalStateException("Kuaidi100 could not answer for " + trackingNumber + ": "
                    + code + " " + answer.path("message").asText());
        }
        return answer;
    }

    /**
     * The polling fallback: the real-time query's records as our events, asked with the phone the parcel
     * was subscribed with (SF Express answers only with it).
     */
    @Override
    public List<io.dropflow.carrier.CarrierEvent> poll(String carrierCode, String trackingNumber, Consignee consignee) {
        return Kuaidi100Tracks.events(carrierCode, trackingNumber, query(carrierCode, trackingNumber, consignee.phone()));
    }

    /** {@code sign} of a real-time query: uppercase MD5 of param + key + customer. */
    static String querySign(String param, String key, String customer) {
        return md5Upper(param + key + customer);
    }

    /** {@code sign} of a push: uppercase MD5 of param + salt. */
    static String pushSign(String param, String salt) {
        return md5Upper(param + salt);
    }

    static String md5Upper(String text) {
        try {
            return HexFormat.of().withUpperCase().formatHex(
                    MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String company(String carrierCode) {
        return settings.companyFor(carrierCode)
                .orElseThrow(() -> new IllegalStateException("Kuaidi100 does not track carrier " + carrierCode));
    }

    /**
     * The subscription goes under the partner's limit ({@code dropflow.partners.limits.kuaidi100}); the real-time
     * query under its own, {@code query-requests-per-second} (1) for the account across the cluster: Kuaidi100 gives
     * it "提交最大线程数：1单/秒" and asks for no batch or frequent programmatic querying (its own article,
     * https://blog.csdn.net/kuaidi100API/article/details/116130836), while the polling fallback asks up to 100 quiet
     * parcels back to back. The query's limit is held under an account key of its own, so subscriptions neither wait
     * for it nor use it up.
     */
    private JsonNode post(String operation, String url, Map<String, String> form) {
        boolean query = "query".equals(operation);
        io.dropflow.partners.PartnerCall call = new io.dropflow.partners.PartnerCall("kuaidi100",
                String.valueOf(settings.customer()) + (query ? ":query" : ""), operation,
                query ? new io.dropflow.partners.PartnerCall.Limit(settings.queryRequestsPerSecond(), true) : null,
                CarrierCallHeldBack::new);
        boolean[] sent = {false};
        try {
            return calls.call(call, outcome -> {
                sent[0] = true;
                JsonNode answer = send(url, form, outcome);
                outcome.code(answer.path("returnCode").asText("200"));
                return answer;
            });
        } catch (CarrierCallHeldBack heldBack) {
            throw CarrierCallHeldBack.unlessSent(sent[0], heldBack);
        }
    }

    private JsonNode send(String url, Map<String, String> form, io.dropflow.partners.PartnerCalls.Outcome outcome) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(settings.readTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            String why = io.dropflow.partners.CallFailure.why(e, request.uri());
            log.warn("Kuaidi100 did not answer: {}", why);
            throw new CarrierUnavailableException("Kuaidi100 did not answer: " + why + " (" + CarrierUnavailableException.RETRIED + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CarrierUnavailableException("interrupted calling Kuaidi100", e);
        }
        if (response.statusCode() == 429) {
            outcome.code("http-429");
            throw new io.dropflow.partners.PartnerThrottled("Kuaidi100 answered 429", io.dropflow.partners.PartnerThrottled
                    .parseRetryAfter(response.headers().firstValue("Retry-After").orElse(null), java.time.Duration.ofSeconds(1)));
        }
        if (response.statusCode() >= 500) {
            outcome.code("http-" + response.statusCode());
            throw new CarrierUnavailableException("Kuaidi100 answered HTTP " + response.statusCode() + " (" + CarrierUnavailableException.RETRIED + ")", null);
        }
        try {
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Kuaidi100 answered HTTP " + response.statusCode() + " with a body that is not JSON: "
                    + response.body().substring(0, Math.min(200, response.body().length())).toLowerCase(Locale.ROOT));
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
