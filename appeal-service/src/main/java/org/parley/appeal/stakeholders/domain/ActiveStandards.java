package org.parley.appeal.stakeholders.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of the standards catalogue in force that this service applies: the content categories a
 * notice may name, and the threshold k below which published counts are shown as "&lt;k".
 */
public record ActiveStandards(int version, List<ContentCategory> categories, int transparencyK) {

    public ActiveStandards {
        categories = List.copyOf(categories);
    }

    public Optional<ContentCategory> category(String code) {
        return categories.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public List<String> codes() {
        return categories.stream().map(ContentCategory::code).toList();
    }

    public Map<String, ContentCategory> byCode() {
        Map<String, ContentCategory> map = new LinkedHashMap<>();
        categories.forEach(c -> map.put(c.code(), c));
        return map;
    }
}
