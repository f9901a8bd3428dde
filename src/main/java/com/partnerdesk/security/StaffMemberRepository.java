package com.partnerdesk.security;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface StaffMemberRepository extends JpaRepository<StaffMember, UUID> {

    /** The staff member whose username folds to {@code signInName} (see {@link SignInName}). */
    @Query("select s from StaffMember s where lower(s.username) = :signInName")
    Optional<StaffMember> findBySignInName(String signInName);

    List<StaffMember> findAllByOrderByDisplayNameAscUsernameAsc();
}
