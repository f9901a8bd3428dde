package com.partnerdesk.directory;

/** The orders the users list offers. Each ends on the id so that pages never overlap. */
public enum UserSort {

    DISPLAY_NAME("lower(u.display_name) asc, u.id asc"),
    DISPLAY_NAME_DESC("lower(u.display_name) desc, u.id desc"),
    USERNAME("lower(u.username) asc, u.id asc"),
    USERNAME_DESC("lower(u.username) desc, u.id desc"),
    CREATED("u.created_at asc, u.id asc"),
    CREATED_DESC("u.created_at desc, u.id desc");

    private final String orderBy;

    UserSort(String orderBy) {
        this.orderBy = orderBy;
    }

    String orderBy() {
        return orderBy;
    }
}
