package io.dropflow.groupbuy.internal;

import io.dropflow.web.NotFound;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** Group leaders, by code. */
public interface Leaders extends JpaRepository<Leader, Long>, JpaSpecificationExecutor<Leader> {

    Optional<Leader> findByCode(String code);

    default Leader byCode(String code) {
        return findByCode(code).orElseThrow(() -> NotFound.of("leader", code));
    }
}
