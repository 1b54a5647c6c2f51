package dev.quire.lists.site;

import java.util.List;

/**
 * What a site admin asks for when creating a list (raw input, checked by {@link SiteLists#create}).
 *
 * @param address the posting address, {@code name@domain}; the domain must be a LIST domain
 * @param style discussion, announce or private
 * @param displayName shown in headers and pages; the list name when blank
 * @param description optional
 * @param owners one or more owner addresses
 */
public record ListCreation(String address, String style, String displayName, String description,
        List<String> owners) {
}
