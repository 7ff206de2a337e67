package org.reliefclearance.modelguard;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The beans expressions (and the engine's script bindings) can name: only model beans, looked up
 * when first named, so building the engine creates none of them. Read-only.
 */
final class ModelBeanMap extends AbstractMap<Object, Object> {

    private final ModelBeans beans;

    ModelBeanMap(ModelBeans beans) {
        this.beans = beans;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String name && beans.typeOf(name) != null;
    }

    @Override
    public Object get(Object key) {
        return containsKey(key) ? beans.bean((String) key) : null;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
        Set<Entry<Object, Object>> entries = new LinkedHashSet<>();
        for (String name : beans.names()) {
            entries.add(new SimpleImmutableEntry<>(name, beans.bean(name)));
        }
        return Collections.unmodifiableSet(entries);
    }
}
