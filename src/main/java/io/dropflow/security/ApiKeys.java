package io.dropflow.security;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ApiKeys extends JpaRepository<ApiKey, Long> {

    /**
     * Asked on every API call with a key (a storefront's orders): JPQL, whose plan Hibernate 6.6
     * caches, not a derived query, whose criteria it translates anew on every call.
     */
    @Query("select k from ApiKey k where k.keyHash = :keyHash")
    Optional<ApiKey> findByKeyHash(String keyHash);

    List<ApiKey> findAllByOrderByIdDesc();
}
