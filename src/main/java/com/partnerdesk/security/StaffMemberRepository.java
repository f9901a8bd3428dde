package com.partnerdesk.security;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface StaffMemberRepository extends JpaRepository<StaffMember, UUID> {

    @Query("select s from StaffMember s where lower(s.username) = lower(:username)")
    Optional<StaffMember> findByUsername(String username);
}
